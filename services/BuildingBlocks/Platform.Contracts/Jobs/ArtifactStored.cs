namespace Platform.Contracts.Jobs;

/// <summary>
/// A run stored an artifact in the artifact store. (job, name) is unique: storing the same name
/// again (a resumed run) replaces the row instead of adding one.
/// </summary>
/// <param name="Kind">What it is: <c>checkpoint</c>, <c>output</c>, <c>scores</c>, ...</param>
public sealed record ArtifactStored(
    Guid JobId, Guid RunId, long Sequence, DateTimeOffset Time,
    string Name, string Kind, string MediaType, long Size, string Sha256, string StoragePath) : IJobEvent;
