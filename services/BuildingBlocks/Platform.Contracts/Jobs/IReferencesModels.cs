namespace Platform.Contracts.Jobs;

/// <summary>A spec that names registered models; Lab resolves each reference when the job is submitted.</summary>
public interface IReferencesModels
{
    /// <summary>The references to resolve.</summary>
    IEnumerable<ModelReference> Models { get; }
}
