using Platform.Persistence.Records;
using Platform.Persistence.Repositories;
using Platform.Training.V1;

namespace Platform.Lab.Api.Training;

/// <summary>
/// Finds what a training job stored beside a registered model: the artifacts in the same folder of the job as the
/// model's weights (<c>shadow-3/model.safetensors</c> → <c>shadow-3/trajectories.safetensors</c>).
/// </summary>
public sealed class ModelArtifacts(RegistryRepository registry, ArtifactRepository artifacts)
{
    /// <summary>The model and its artifact <paramref name="name"/>; NOT_FOUND says which is missing and why.</summary>
    public async Task<(ModelRecord Model, ArtifactRecord Artifact)> FindAsync(ModelSelector? selector, string name, CancellationToken ct)
    {
        if (selector is null || string.IsNullOrWhiteSpace(selector.Name))
            throw RpcErrors.InvalidArgument("model.name is required: the registered name of a trained model (a train job's model_name)", ("model.name", "required"));
        if (selector.Version < 0)
            throw RpcErrors.InvalidArgument($"model.version must be ≥ 0 (0 = latest); got {selector.Version}", ("model.version", "negative"));
        var model = await registry.GetModelAsync(selector.Name, selector.Version == 0 ? null : selector.Version, ct)
            ?? throw RpcErrors.NotFound(selector.Version == 0
                ? $"no model named '{selector.Name}' is registered (train one, or check the name)"
                : $"model '{selector.Name}' has no version {selector.Version}");
        var weights = await artifacts.GetAsync(model.ArtifactId, ct);
        if (model.JobId is not { } jobId || weights is null)
            throw RpcErrors.NotFound($"model '{model.Name}' v{model.Version} was not trained by a job of this Lab, so it has no {name}");
        var folder = weights.Name.Contains('/') ? weights.Name[..(weights.Name.LastIndexOf('/') + 1)] : "";
        var artifact = (await artifacts.ListByJobAsync(jobId, ct)).FirstOrDefault(a => a.Name == folder + name)
            ?? throw RpcErrors.NotFound($"model '{model.Name}' v{model.Version} has no {folder + name} in job {jobId} " +
                "(trajectories are stored when training ends; was recordTrajectories off, or is the job still running?)");
        return (model, artifact);
    }
}
