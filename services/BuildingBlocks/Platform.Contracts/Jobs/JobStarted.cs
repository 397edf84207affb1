namespace Platform.Contracts.Jobs;

/// <summary>A worker started (or resumed) a run of a job.</summary>
/// <param name="ResumedFromStep">The checkpoint step the run continues from, or null when it starts fresh.</param>
public sealed record JobStarted(
    Guid JobId, Guid RunId, long Sequence, DateTimeOffset Time,
    string WorkerId, string Device, long? ResumedFromStep) : IJobEvent;
