namespace Platform.Contracts.Jobs;

/// <summary>A spec that names artifacts of earlier jobs; Lab resolves each reference when the job is submitted.</summary>
public interface IReferencesArtifacts
{
    /// <summary>The references to resolve.</summary>
    IEnumerable<ArtifactReference> Artifacts { get; }
}
