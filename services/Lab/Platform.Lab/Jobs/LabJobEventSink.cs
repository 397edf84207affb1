using Microsoft.Extensions.Logging;
using Platform.Contracts.Jobs;
using Platform.Contracts.Workers;
using Platform.Lab.Notifications;
using Platform.Lab.Workflows;
using Platform.Messaging.Jobs;
using Platform.Persistence.Connections;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;

namespace Platform.Lab.Jobs;

/// <summary>
/// Stores what workers report, a batch per transaction. Every write is guarded by the job's current run and
/// state, so a duplicated or stale event changes nothing; after the commit the notifier tells live views.
/// </summary>
public sealed class LabJobEventSink(
    IDbConnectionFactory connections,
    JobRepository jobs,
    MetricRepository metrics,
    ArtifactRepository artifacts,
    RegistryRepository registry,
    WorkerRepository workers,
    IJobDispatcher dispatcher,
    JobNotifier notifier,
    WorkflowSignals workflowSignals,
    ILogger<LabJobEventSink> logger) : IJobEventSink
{
    /// <inheritdoc />
    public async Task OnJobEventsAsync(IReadOnlyList<IJobEvent> jobEvents, CancellationToken ct)
    {
        var changes = new List<JobChanged>();
        var cancels = new List<(Guid JobId, Guid RunId)>();
        await using (var session = await DbSession.BeginAsync(connections, ct))
        {
            foreach (var jobEvent in Coalesce(jobEvents))
            {
                if (await ApplyAsync(jobEvent, session, cancels, ct) is { } state)
                    changes.Add(new JobChanged(jobEvent.JobId, state, jobEvent.GetType().Name));
            }
            await session.CommitAsync(ct);
        }
        foreach (var (jobId, runId) in cancels)
            await dispatcher.PublishCancelAsync(jobId, ct, runId);
        foreach (var change in changes)
            notifier.Notify(change);
        // Workflows advance on their children's recorded changes (after the commit, so the engine reads them).
        foreach (var jobId in changes.Select(c => c.JobId).Distinct())
            workflowSignals.NotifyChanged(jobId);
    }

    /// <summary>
    /// What a batch means, in fewer statements: only the last progress of a run counts, and a run's metric
    /// points are written together, after that run's start and before its end.
    /// </summary>
    internal static IEnumerable<IJobEvent> Coalesce(IReadOnlyList<IJobEvent> events)
    {
        var lastProgress = events.OfType<JobProgressed>()
            .GroupBy(e => (e.JobId, e.RunId))
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Sequence)!);
        var pending = new Dictionary<(Guid JobId, Guid RunId), MetricsLogged>();
        foreach (var e in events)
        {
            switch (e)
            {
                case MetricsLogged m:
                    pending[(m.JobId, m.RunId)] = pending.TryGetValue((m.JobId, m.RunId), out var p)
                        ? p with { Sequence = m.Sequence, Points = [.. p.Points, .. m.Points] }
                        : m;
                    continue;
                case JobProgressed progress when lastProgress[(progress.JobId, progress.RunId)] != progress:
                    continue;
                case JobProgressed:
                    yield return e;
                    continue;
            }
            foreach (var key in pending.Keys.Where(k => k.JobId == e.JobId).ToList())
            {
                yield return pending[key];
                pending.Remove(key);
            }
            yield return e;
        }
        foreach (var m in pending.Values)
            yield return m;
    }

    // Each event costs one guarded statement; progress and metrics leave the job Running.
    private async Task<JobState?> ApplyAsync(IJobEvent jobEvent, DbSession s, List<(Guid, Guid)> cancels, CancellationToken ct) => jobEvent switch
    {
        JobStarted e => await StartedAsync(e, s, cancels, ct) ? JobState.Running : null,
        JobProgressed e => await jobs.TryUpdateProgressAsync(e.JobId, e.RunId, e.Sequence, e.Value, e.Limit, e.Message, e.Time, ct, s)
            ? JobState.Running : null,
        MetricsLogged e => await metrics.TryUpsertForRunAsync(e.JobId, e.RunId, e.Points, ct, s) ? JobState.Running : null,
        ArtifactStored e => await IsCurrentRunAsync(e, s, ct) ? await StoredAsync(e, s, ct) : null,
        JobSucceeded e => await jobs.TryFinishAsync(e.JobId, e.RunId, JobState.Succeeded, e.Time, null, e.Result, ct, s) ? JobState.Succeeded : null,
        JobFailed e => await jobs.TryFinishAsync(e.JobId, e.RunId, JobState.Failed, e.Time, e.Error, null, ct, s) ? JobState.Failed : null,
        JobCanceled e => await jobs.TryFinishAsync(e.JobId, e.RunId, JobState.Canceled, e.Time, null, null, ct, s) ? JobState.Canceled : null,
        _ => null,
    };

    /// <inheritdoc />
    public async Task OnHeartbeatAsync(WorkerHeartbeat heartbeat, CancellationToken ct)
    {
        await using var session = await DbSession.BeginAsync(connections, ct);
        await workers.RecordAsync(heartbeat, ct, session);
        if (heartbeat is { CurrentJobId: { } jobId, CurrentRunId: { } runId })
            await jobs.TouchAsync(jobId, runId, heartbeat.Time, ct, session);
        await session.CommitAsync(ct);
    }

    private async Task<bool> StartedAsync(JobStarted e, DbSession s, List<(Guid, Guid)> cancels, CancellationToken ct)
    {
        if (await jobs.TryStartRunAsync(e.JobId, e.RunId, e.Sequence, e.WorkerId, e.Device, e.Time, ct, s))
        {
            logger.LogInformation("Job {JobId} run {RunId} started on {Worker} ({Device}){Resumed}", e.JobId, e.RunId,
                e.WorkerId, e.Device, e.ResumedFromStep is { } step ? $", resumed from step {step}" : "");
            return true;
        }
        // A run of a job that was canceled (or finished) meanwhile: tell its worker to stop that run, and only it.
        if (await jobs.GetAsync(e.JobId, ct, s) is { } job && (job.State.IsTerminal() || job.CancelRequested) && job.RunId != e.RunId)
            cancels.Add((e.JobId, e.RunId));
        return false;
    }

    private async Task<JobState?> StoredAsync(ArtifactStored e, DbSession s, CancellationToken ct)
    {
        var artifact = await artifacts.UpsertAsync(e.JobId, e.Name, e.Kind, e.MediaType, e.Size, e.Sha256, e.StoragePath, ct, s);
        if (e.Kind == "model" && ModelCard.TryRead(e.Metadata, out var name, out var architecture))
        {
            var job = await jobs.GetAsync(e.JobId, ct, s);
            await registry.RegisterModelAsync(name, artifact.Id, architecture, e.Metadata!, e.JobId, job?.ProjectId, ct, s);
        }
        return JobState.Running;
    }

    private async Task<bool> IsCurrentRunAsync(IJobEvent e, DbSession s, CancellationToken ct) =>
        await jobs.GetAsync(e.JobId, ct, s) is { } job && job.RunId == e.RunId && !job.State.IsTerminal();
}
