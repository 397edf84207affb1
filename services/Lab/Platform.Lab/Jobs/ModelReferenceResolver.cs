using Platform.Contracts.Jobs;
using Platform.Messaging.Jobs;
using Platform.Persistence.Repositories;

namespace Platform.Lab.Jobs;

/// <summary>
/// Pins the models a spec names to the exact weights registered at submission (content hash and card), so a
/// job scores the model the user saw even if a newer version is registered while it waits in the queue.
/// </summary>
public sealed class ModelReferenceResolver(RegistryRepository registry, ArtifactRepository artifacts)
{
    /// <summary>Fills in every reference of <paramref name="spec"/>; unknown names or versions are refused.</summary>
    public async Task ResolveAsync(string kind, IJobSpec spec, CancellationToken ct)
    {
        if (spec is not IReferencesModels references)
            return;
        var problems = new List<string>();
        foreach (var reference in references.Models)
        {
            var model = await registry.GetModelAsync(reference.Name, reference.Version, ct);
            if (model is null)
            {
                problems.Add(reference.Version is { } v
                    ? $"model '{reference.Name}' has no version {v}"
                    : $"no model named '{reference.Name}' is registered (train one, or check the name)");
                continue;
            }
            var artifact = await artifacts.GetAsync(model.ArtifactId, ct);
            if (artifact is null)
            {
                problems.Add($"model '{reference.Name}' v{model.Version} points at a missing artifact {model.ArtifactId}");
                continue;
            }
            reference.Version = model.Version;
            reference.Sha256 = artifact.Sha256;
            reference.Card = model.Card;
        }
        if (problems.Count > 0)
            throw new JobSpecException(kind, problems);
    }
}
