namespace Platform.Persistence.Records;

/// <summary>A row of <c>datasets</c>: a named, versioned dataset (built-in source or an uploaded artifact).</summary>
public sealed record DatasetRecord(
    Guid Id, Guid? ProjectId, string Name, int Version, string Description, string Source, Guid? ArtifactId,
    string Metadata, DateTimeOffset CreatedAt)
{
    private DatasetRecord() : this(Guid.Empty, null, "", 0, "", "", null, "{}", default) { }
}
