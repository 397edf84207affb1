namespace Platform.Contracts.Jobs;

/// <summary>A run finished its job. <paramref name="Result"/> is the handler's JSON summary, if any.</summary>
public sealed record JobSucceeded(
    Guid JobId, Guid RunId, long Sequence, DateTimeOffset Time, string? Result) : IJobEvent;
