namespace Platform.Messaging.Worker;

/// <summary>The last checkpoint a job saved: the step it was taken at and its content in the artifact store.</summary>
public sealed record JobCheckpoint(long Step, string Sha256, long Size, string StoragePath, DateTimeOffset SavedAt);
