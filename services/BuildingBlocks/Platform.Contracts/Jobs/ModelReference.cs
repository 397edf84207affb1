namespace Platform.Contracts.Jobs;

/// <summary>
/// A registered model named in a spec by <see cref="Name"/> (and <see cref="Version"/>, latest when null). Lab
/// resolves it at submission and fills in <see cref="Sha256"/> and <see cref="Card"/>, so workers load exactly the
/// weights that were current when the job was submitted.
/// </summary>
public sealed class ModelReference
{
    /// <summary>Registered model name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Version; null = the latest at submission.</summary>
    public int? Version { get; set; }

    /// <summary>Content hash of the weights (filled in by Lab).</summary>
    public string? Sha256 { get; set; }

    /// <summary>The model card JSON (filled in by Lab).</summary>
    public string? Card { get; set; }
}
