namespace Platform.Contracts.Jobs;

/// <summary>Event published by Lab when a user cancels a job; every worker instance receives it.</summary>
public sealed record CancelJobRequested(Guid JobId, DateTimeOffset RequestedAt);
