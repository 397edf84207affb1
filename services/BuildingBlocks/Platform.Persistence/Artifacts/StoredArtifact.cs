namespace Platform.Persistence.Artifacts;

/// <summary>Where the artifact store put some content.</summary>
/// <param name="Sha256">Lower-case hex digest of the content.</param>
/// <param name="Size">Bytes.</param>
/// <param name="StoragePath">Path relative to the data root.</param>
public sealed record StoredArtifact(string Sha256, long Size, string StoragePath);
