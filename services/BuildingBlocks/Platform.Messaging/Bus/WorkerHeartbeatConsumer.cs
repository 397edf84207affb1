using MassTransit;
using Platform.Contracts.Workers;
using Platform.Messaging.Jobs;

namespace Platform.Messaging.Bus;

/// <summary>Forwards worker heartbeats to Lab's sink.</summary>
internal sealed class WorkerHeartbeatConsumer(IJobEventSink sink) : IConsumer<WorkerHeartbeat>
{
    public Task Consume(ConsumeContext<WorkerHeartbeat> context) => sink.OnHeartbeatAsync(context.Message, context.CancellationToken);
}
