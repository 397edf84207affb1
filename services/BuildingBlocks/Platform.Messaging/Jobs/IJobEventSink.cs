using Platform.Contracts.Jobs;
using Platform.Contracts.Workers;

namespace Platform.Messaging.Jobs;

/// <summary>
/// Receives the events workers publish (Lab implements it), in batches, one batch at a time; within a
/// batch the events of each run are in sequence order. An exception makes the transport redeliver the
/// batch, so implementations must be idempotent.
/// </summary>
public interface IJobEventSink
{
    /// <summary>Job events: started, progressed, metrics, artifact, succeeded, failed, canceled.</summary>
    Task OnJobEventsAsync(IReadOnlyList<IJobEvent> jobEvents, CancellationToken cancellationToken);

    /// <summary>A worker's heartbeat.</summary>
    Task OnHeartbeatAsync(WorkerHeartbeat heartbeat, CancellationToken cancellationToken);
}
