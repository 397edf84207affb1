namespace Platform.Contracts.Jobs;

/// <summary>
/// Event published by Lab to cancel a job; every worker instance receives it. With <paramref name="RunId"/> only that
/// run is stopped (a stale duplicate run), so a newer run of the same job is left alone.
/// </summary>
public sealed record CancelJobRequested(Guid JobId, DateTimeOffset RequestedAt, Guid? RunId = null);
