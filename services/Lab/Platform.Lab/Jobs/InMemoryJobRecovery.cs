using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Messaging.Bus;
using Platform.Persistence.Repositories;

namespace Platform.Lab.Jobs;

/// <summary>
/// With the in-memory bus, queued commands die with the process. When the host has started, Lab sends
/// every live job again (resuming from checkpoints), so a restart of the embedded platform loses no job.
/// </summary>
internal sealed class InMemoryJobRecovery(
    MessagingOptions messaging, JobRepository jobs, JobService service, IHostApplicationLifetime lifetime,
    ILogger<InMemoryJobRecovery> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (messaging.Transport == MessagingTransport.InMemory)
            lifetime.ApplicationStarted.Register(() => _ = Task.Run(RecoverAsync));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RecoverAsync()
    {
        try
        {
            var live = await jobs.ListLiveAsync(lifetime.ApplicationStopping);
            foreach (var job in live)
                await service.SendAsync(job, resume: true, lifetime.ApplicationStopping);
            if (live.Count > 0)
                logger.LogInformation("Re-queued {Count} unfinished jobs after start-up", live.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Re-queueing unfinished jobs failed");
        }
    }
}
