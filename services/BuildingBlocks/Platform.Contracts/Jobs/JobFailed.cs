namespace Platform.Contracts.Jobs;

/// <summary>A run ended with an error. <paramref name="Error"/> is meant for a person to act on.</summary>
public sealed record JobFailed(
    Guid JobId, Guid RunId, long Sequence, DateTimeOffset Time, string Error, string? ErrorType) : IJobEvent;
