using Platform.Lab.V1;
using Platform.Rpc;
using Spectre.Console;

namespace Platform.Cli;

/// <summary>Follows a job over WatchJob with a live progress bar (plain lines when output is not a terminal).</summary>
public static class JobWatcher
{
    /// <summary>Watches until the job ends; returns <see cref="ExitCodes.Ok"/> only if it succeeded.</summary>
    public static async Task<int> WatchAsync(JobServiceClient jobs, string jobId, CancellationToken ct)
    {
        Job? final = null;
        var updates = jobs.WatchJob(new WatchJobRequest { JobId = jobId }, new CallContext().WithCancellation(ct));
        if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask(jobId[..8], maxValue: 1);
                    await foreach (var update in updates)
                    {
                        if (update.Progress is { } s)
                        {
                            task.MaxValue = s.ProgressLimit > 0 ? s.ProgressLimit : 1;
                            task.Value = s.ProgressValue;
                            task.Description = Markup.Escape($"{jobId[..8]} {JobView.StateName(s.State)} {s.ProgressMessage}");
                        }
                        else
                        {
                            final = update.Result.Job;
                            task.Value = task.MaxValue;
                        }
                    }
                });
        }
        else
        {
            await foreach (var update in updates)
            {
                if (update.Progress is { } s)
                    Console.WriteLine($"{jobId} {JobView.StateName(s.State)} {s.ProgressValue:0.##}/{s.ProgressLimit:0.##} {s.ProgressMessage}");
                else
                    final = update.Result.Job;
            }
        }
        if (final is null)
            throw new RpcException(StatusCode.Unavailable, $"the watch of job {jobId} ended without a result; watch again with `platform jobs watch {jobId}`");
        Console.WriteLine($"{jobId} {JobView.StateName(final.State)}{(final.Error.Length > 0 ? ": " + final.Error : "")}");
        if (final.ResultJson.Length > 0)
            Console.WriteLine(final.ResultJson);
        return final.State == JobState.Succeeded ? ExitCodes.Ok : ExitCodes.JobFailed;
    }
}
