using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Lab.Notifications;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;

namespace Platform.Lab.Jobs;

/// <summary>Marks running jobs whose worker went silent as stalled, so people see it (a redelivery resumes them).</summary>
internal sealed class StalledJobMonitor(
    JobRepository jobs, JobNotifier notifier, LabOptions options, ILogger<StalledJobMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.1, options.StalledCheckSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var cutoff = DateTimeOffset.UtcNow - TimeSpan.FromSeconds(options.StalledAfterSeconds);
                foreach (var id in await jobs.MarkStalledAsync(cutoff, stoppingToken))
                {
                    logger.LogWarning("Job {JobId} stalled: no heartbeat from its worker for {Seconds} s", id, options.StalledAfterSeconds);
                    notifier.Notify(new JobChanged(id, JobState.Stalled, "Stalled"));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Stalled-job check failed; trying again in {Seconds} s", options.StalledCheckSeconds);
            }
        }
    }
}
