using Platform.Contracts.Jobs;

namespace Platform.Messaging.Jobs;

/// <summary>What Lab asks of the bus: run a job on its kind's queue, tell workers to cancel one.</summary>
public interface IJobDispatcher
{
    /// <summary>Sends the command to <c>jobs-{kind}</c>; completes when the transport has accepted it.</summary>
    Task SendAsync(RunJob command, CancellationToken cancellationToken = default);

    /// <summary>Publishes a cancellation that every worker instance receives (of one run only when <paramref name="runId"/> is given).</summary>
    Task PublishCancelAsync(Guid jobId, CancellationToken cancellationToken = default, Guid? runId = null);
}
