using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Contracts.Workers;

namespace Platform.Messaging.Worker;

/// <summary>Publishes a <see cref="WorkerHeartbeat"/> at a fixed interval, so Lab can tell a busy worker from a dead one.</summary>
internal sealed class HeartbeatService(
    IServiceProvider services, RunningJobs running, WorkerIdentity identity, WorkerOptions options,
    WorkerKinds kinds, ILogger<HeartbeatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.1, options.HeartbeatSeconds)));
        do
        {
            try
            {
                var current = running.Current;
                var bus = services.GetRequiredService<IPublishEndpoint>();
                await bus.Publish(new WorkerHeartbeat(identity.Id, Environment.MachineName, Environment.ProcessId, identity.Device,
                    kinds.All, current?.JobId, current?.RunId, DeviceMemory?.Invoke(), DateTimeOffset.UtcNow), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Heartbeat not sent: {Message}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Reads accelerator memory in use; set by the Torch layer on CUDA hosts.</summary>
    public static Func<long?>? DeviceMemory { get; set; }
}
