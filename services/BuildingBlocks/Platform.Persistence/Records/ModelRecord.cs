namespace Platform.Persistence.Records;

/// <summary>A row of <c>models</c>: named, versioned weights pointing at an artifact, with its model card.</summary>
public sealed record ModelRecord(
    Guid Id, Guid? ProjectId, string Name, int Version, Guid? JobId, Guid ArtifactId, string Architecture,
    string Card, DateTimeOffset CreatedAt)
{
    private ModelRecord() : this(Guid.Empty, null, "", 0, null, Guid.Empty, "", "{}", default) { }
}
