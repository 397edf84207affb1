using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Messaging.Bus;
using Platform.Persistence.Repositories;

namespace Platform.Lab.Jobs;

/// <summary>
/// With the in-memory bus, queued commands die with the process. Lab sends every job that was live when this
/// process started again (resuming from checkpoints), so a restart of the embedded platform loses no job. The list
/// is taken before the host serves anything, so jobs submitted after start-up are never sent twice.
/// </summary>
internal sealed class InMemoryJobRecovery(
    MessagingOptions messaging, JobRepository jobs, JobService service, IHostApplicationLifetime lifetime,
    ILogger<InMemoryJobRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (messaging.Transport != MessagingTransport.InMemory)
            return;
        var live = await jobs.ListLiveAsync(cancellationToken);
        if (live.Count > 0)
            lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => RecoverAsync(live)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RecoverAsync(IReadOnlyList<Persistence.Records.JobRecord> live)
    {
        try
        {
            foreach (var job in live)
                await service.SendAsync(job, resume: true, lifetime.ApplicationStopping);
            logger.LogInformation("Re-queued {Count} unfinished jobs after start-up", live.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Re-queueing unfinished jobs failed");
        }
    }
}
