using MassTransit;
using Platform.Contracts.Jobs;
using Platform.Contracts.Workers;
using Platform.Messaging.Jobs;

namespace Platform.Messaging.Bus;

/// <summary>Lab's end of the event queue: forwards every job event and heartbeat to the <see cref="IJobEventSink"/>.</summary>
internal sealed class JobEventConsumer(IJobEventSink sink) :
    IConsumer<JobStarted>, IConsumer<JobProgressed>, IConsumer<MetricsLogged>, IConsumer<ArtifactStored>,
    IConsumer<JobSucceeded>, IConsumer<JobFailed>, IConsumer<JobCanceled>, IConsumer<WorkerHeartbeat>
{
    public Task Consume(ConsumeContext<JobStarted> context) => sink.OnJobEventAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<JobProgressed> context) => sink.OnJobEventAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<MetricsLogged> context) => sink.OnJobEventAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ArtifactStored> context) => sink.OnJobEventAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<JobSucceeded> context) => sink.OnJobEventAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<JobFailed> context) => sink.OnJobEventAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<JobCanceled> context) => sink.OnJobEventAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<WorkerHeartbeat> context) => sink.OnHeartbeatAsync(context.Message, context.CancellationToken);
}
