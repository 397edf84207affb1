using MassTransit;
using Platform.Contracts.Jobs;
using Platform.Messaging.Jobs;

namespace Platform.Messaging.Bus;

/// <summary><see cref="IJobDispatcher"/> over MassTransit: commands are sent to a queue, cancellations published.</summary>
internal sealed class MassTransitJobDispatcher(IBus bus, MessagingOptions options) : IJobDispatcher
{
    public async Task SendAsync(RunJob command, CancellationToken cancellationToken = default)
    {
        var endpoint = await bus.GetSendEndpoint(new Uri("queue:" + JobQueues.ForKind(command.Kind, options.QueuePrefix)));
        await endpoint.Send(command, cancellationToken);
    }

    public Task PublishCancelAsync(Guid jobId, CancellationToken cancellationToken = default, Guid? runId = null) =>
        bus.Publish(new CancelJobRequested(jobId, DateTimeOffset.UtcNow, runId), cancellationToken);
}
