namespace Platform.Lab.Api.Tests.Infrastructure;

/// <summary>Helpers over the generated client used by several tests.</summary>
public static class JobWatching
{
    /// <summary>Every WatchJob message until the stream ends (bounded by <paramref name="seconds"/>).</summary>
    public static async Task<List<WatchJobResponse>> WatchToEndAsync(this JobServiceClient jobs, string jobId, double seconds = 60)
    {
        var updates = new List<WatchJobResponse>();
        var context = new CallContext().WithTimeout(TimeSpan.FromSeconds(seconds));
        await foreach (var update in jobs.WatchJob(new WatchJobRequest { JobId = jobId }, context))
            updates.Add(update);
        return updates;
    }

    /// <summary>Watches until <paramref name="until"/> holds for a snapshot, then stops watching (the call is canceled).</summary>
    public static async Task<JobSnapshot> WatchUntilAsync(this JobServiceClient jobs, string jobId, Func<JobSnapshot, bool> until, double seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await foreach (var update in jobs.WatchJob(new WatchJobRequest { JobId = jobId }, new CallContext().WithCancellation(timeout.Token)))
        {
            if (update.Progress is { } snapshot && until(snapshot))
                return snapshot;
            if (update.Result is { } result)
                throw new InvalidOperationException($"job {jobId} ended {result.Job.State} before the awaited snapshot");
        }
        throw new InvalidOperationException($"WatchJob of {jobId} ended without a result");
    }

    public static async Task<string> SubmitSelfTestAsync(this JobServiceClient jobs, string specJson, string projectId = "")
    {
        var response = await jobs.SubmitJob(new SubmitJobRequest { Kind = "system.selftest", SpecJson = specJson, ProjectId = projectId });
        return response.JobId;
    }
}
