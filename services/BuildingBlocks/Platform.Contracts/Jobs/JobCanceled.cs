namespace Platform.Contracts.Jobs;

/// <summary>A run stopped because its job was canceled.</summary>
public sealed record JobCanceled(
    Guid JobId, Guid RunId, long Sequence, DateTimeOffset Time) : IJobEvent;
