namespace Platform.Contracts.Jobs;

/// <summary>
/// A run stored an artifact in the artifact store. (job, name) is unique: storing the same name
/// again (a resumed run) replaces the row instead of adding one.
/// </summary>
/// <param name="Kind">What it is: <c>checkpoint</c>, <c>model</c>, <c>output</c>, <c>scores</c>, ...</param>
/// <param name="Metadata">
/// JSON about the artifact. For <c>model</c> artifacts it is the model card, and Lab registers the next version
/// of the model named by its <c>name</c> field.
/// </param>
public sealed record ArtifactStored(
    Guid JobId, Guid RunId, long Sequence, DateTimeOffset Time,
    string Name, string Kind, string MediaType, long Size, string Sha256, string StoragePath, string? Metadata = null) : IJobEvent;
