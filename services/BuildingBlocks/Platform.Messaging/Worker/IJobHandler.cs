using Platform.Contracts.Jobs;

namespace Platform.Messaging.Worker;

/// <summary>
/// Runs one job kind. The handler gets a validated spec, reports progress and metrics, stores artifacts
/// and checkpoints through the <see cref="JobContext{TSpec}"/>, and honours its cancellation token.
/// A redelivered job finds its last checkpoint in <see cref="JobContext{TSpec}.Checkpoint"/>.
/// Whatever it returns is serialized as the job's JSON result; an exception fails the job with its message.
/// </summary>
public interface IJobHandler<TSpec> where TSpec : class, IJobSpec
{
    /// <summary>Runs the job.</summary>
    Task<object?> RunAsync(JobContext<TSpec> context);
}
