using MassTransit;
using Platform.Contracts.Jobs;
using Platform.Messaging.Jobs;

namespace Platform.Messaging.Bus;

/// <summary>
/// Lab's end of the event queue. Every job event type implements <see cref="IJobEvent"/>, so one batch consumer
/// receives them all in arrival order; the sink stores a batch in one transaction, which is what lets Lab
/// keep up with many workers reporting at once.
/// </summary>
internal sealed class JobEventBatchConsumer(IJobEventSink sink) : IConsumer<Batch<IJobEvent>>
{
    public Task Consume(ConsumeContext<Batch<IJobEvent>> context)
    {
        var events = context.Message.Select(Concrete).ToList();
        // Keep runs in the order they first appear, and each run's events in the order they were produced.
        var firstSeen = new Dictionary<(Guid, Guid), int>();
        foreach (var e in events)
            firstSeen.TryAdd((e.JobId, e.RunId), firstSeen.Count);
        var ordered = events.OrderBy(e => firstSeen[(e.JobId, e.RunId)]).ThenBy(e => e.Sequence).ToList();
        return sink.OnJobEventsAsync(ordered, context.CancellationToken);
    }

    private static IJobEvent Concrete(ConsumeContext<IJobEvent> c) =>
        c.TryGetMessage<JobProgressed>(out var progressed) ? progressed.Message
        : c.TryGetMessage<MetricsLogged>(out var metrics) ? metrics.Message
        : c.TryGetMessage<JobStarted>(out var started) ? started.Message
        : c.TryGetMessage<ArtifactStored>(out var artifact) ? artifact.Message
        : c.TryGetMessage<JobSucceeded>(out var succeeded) ? succeeded.Message
        : c.TryGetMessage<JobFailed>(out var failed) ? failed.Message
        : c.TryGetMessage<JobCanceled>(out var canceled) ? canceled.Message
        : throw new InvalidOperationException(
            $"unknown job event type {string.Join(", ", c.SupportedMessageTypes)}; is this Lab older than its workers?");
}
