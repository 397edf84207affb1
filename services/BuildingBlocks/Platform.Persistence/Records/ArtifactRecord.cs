namespace Platform.Persistence.Records;

/// <summary>A row of <c>artifacts</c>: a file in the content-addressed artifact store.</summary>
public sealed record ArtifactRecord(
    Guid Id, Guid? JobId, string Name, string Kind, string MediaType, long Size, string Sha256,
    string StoragePath, DateTimeOffset CreatedAt)
{
    private ArtifactRecord() : this(Guid.Empty, null, "", "", "", 0, "", "", default) { }
}
