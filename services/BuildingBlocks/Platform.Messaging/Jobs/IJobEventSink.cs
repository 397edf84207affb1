using Platform.Contracts.Jobs;
using Platform.Contracts.Workers;

namespace Platform.Messaging.Jobs;

/// <summary>
/// Receives the events workers publish (Lab implements it). Called one event at a time in arrival order;
/// an exception makes the transport redeliver the event, so implementations must be idempotent.
/// </summary>
public interface IJobEventSink
{
    /// <summary>A job event: started, progressed, metrics, artifact, succeeded, failed, canceled.</summary>
    Task OnJobEventAsync(IJobEvent jobEvent, CancellationToken cancellationToken);

    /// <summary>A worker's heartbeat.</summary>
    Task OnHeartbeatAsync(WorkerHeartbeat heartbeat, CancellationToken cancellationToken);
}
