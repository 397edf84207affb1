namespace Platform.Contracts.Jobs;

/// <summary>
/// An artifact of an earlier job named in a spec by <see cref="JobId"/> and <see cref="Name"/>. Lab resolves it at
/// submission and fills in <see cref="Sha256"/>, so the worker opens exactly that content from the artifact store.
/// </summary>
public sealed class ArtifactReference
{
    /// <summary>The job that stored the artifact.</summary>
    public Guid JobId { get; set; }

    /// <summary>The artifact's name within that job (e.g. <c>trajectories.safetensors</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>Content hash (filled in by Lab).</summary>
    public string? Sha256 { get; set; }
}
