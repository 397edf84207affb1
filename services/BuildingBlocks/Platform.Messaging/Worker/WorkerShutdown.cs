using Microsoft.Extensions.Hosting;

namespace Platform.Messaging.Worker;

/// <summary>
/// On shutdown, stops running jobs before the bus drains its consumers, so a long job is handed back to its
/// queue at once instead of holding the shutdown until it finishes.
/// </summary>
internal sealed class WorkerShutdown(IHostApplicationLifetime lifetime, RunningJobs running) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(running.StopAll);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
