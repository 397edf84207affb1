namespace Platform.Persistence.Records;

/// <summary>The life cycle of a job row.</summary>
public enum JobState
{
    /// <summary>Written and sent to its queue; no worker has started it.</summary>
    Queued,

    /// <summary>A worker runs it.</summary>
    Running,

    /// <summary>Its worker stopped heartbeating; a redelivery to another worker will resume it.</summary>
    Stalled,

    /// <summary>Finished.</summary>
    Succeeded,

    /// <summary>Ended with an error.</summary>
    Failed,

    /// <summary>Stopped by a user.</summary>
    Canceled,
}
