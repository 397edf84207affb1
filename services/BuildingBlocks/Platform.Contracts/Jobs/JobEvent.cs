namespace Platform.Contracts.Jobs;

/// <summary>
/// Common shape of the events a worker publishes about one run of a job.
/// <see cref="RunId"/> identifies the run (a redelivery starts a new run), and
/// <see cref="Sequence"/> orders the events of one run so Lab can drop stale or duplicated ones.
/// </summary>
public interface IJobEvent
{
    /// <summary>The job.</summary>
    Guid JobId { get; }

    /// <summary>The run of the job that produced the event.</summary>
    Guid RunId { get; }

    /// <summary>Monotonic within a run, starting at 1.</summary>
    long Sequence { get; }

    /// <summary>When the worker produced the event.</summary>
    DateTimeOffset Time { get; }
}
