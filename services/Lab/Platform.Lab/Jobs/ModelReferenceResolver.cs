using System.Text.Json;
using Platform.Contracts.Jobs;
using Platform.Contracts.Training;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;

namespace Platform.Lab.Jobs;

/// <summary>
/// Pins the models a spec names to the exact weights registered at submission (content hash and card), so a
/// job scores the model the user saw even if a newer version is registered while it waits in the queue. A spec
/// that reads a training run gets the run's checkpoints and artifacts pinned the same way.
/// </summary>
public sealed class ModelReferenceResolver(RegistryRepository registry, ArtifactRepository artifacts, JobRepository jobs) : IModelResolver
{
    /// <summary>Fills in every reference of <paramref name="spec"/>; unknown names or versions are refused.</summary>
    public async Task ResolveAsync(string kind, IJobSpec spec, CancellationToken ct)
    {
        if (spec is IReferencesTrainingRun run)
            await ResolveRunAsync(kind, run, ct);
        if (spec is not IReferencesModels references)
            return;
        var problems = new List<string>();
        foreach (var reference in references.Models)
        {
            var problem = await TryResolveAsync(reference, ct);
            if (problem is not null)
                problems.Add(problem);
        }
        if (problems.Count > 0)
            throw new JobSpecException(kind, problems);
    }

    /// <inheritdoc />
    public async Task ResolveAsync(ModelReference reference, CancellationToken ct = default)
    {
        if (await TryResolveAsync(reference, ct) is { } problem)
            throw new KeyNotFoundException(problem);
    }

    private async Task<string?> TryResolveAsync(ModelReference reference, CancellationToken ct)
    {
        var model = await registry.GetModelAsync(reference.Name, reference.Version, ct);
        if (model is null)
        {
            return reference.Version is { } v
                ? $"model '{reference.Name}' has no version {v}"
                : $"no model named '{reference.Name}' is registered (train one, or check the name)";
        }
        var artifact = await artifacts.GetAsync(model.ArtifactId, ct);
        if (artifact is null)
            return $"model '{reference.Name}' v{model.Version} points at a missing artifact {model.ArtifactId}";
        reference.Version = model.Version;
        reference.Sha256 = artifact.Sha256;
        reference.Card = model.Card;
        return null;
    }

    private async Task ResolveRunAsync(string kind, IReferencesTrainingRun run, CancellationToken ct)
    {
        var job = await jobs.GetAsync(run.TrainingJobId, ct);
        string? problem = job switch
        {
            null => $"trainingJobId {run.TrainingJobId} is not a job; give the id of a finished {TrainingJobKinds.Train} job",
            { Kind: not TrainingJobKinds.Train } => $"trainingJobId {run.TrainingJobId} is a {job.Kind} job, not a {TrainingJobKinds.Train} job",
            { State: not JobState.Succeeded } => $"training job {run.TrainingJobId} is {job.State}; wait until it has succeeded",
            _ => null,
        };
        if (problem is not null)
            throw new JobSpecException(kind, [problem]);
        var checkpoints = (await registry.ListModelsByJobAsync(run.TrainingJobId, ct))
            .OrderBy(m => EpochOf(m.Card)).ToList();
        var files = await artifacts.ListByJobAsync(run.TrainingJobId, ct);
        var membership = files.FirstOrDefault(a => a.Name == "membership.json");
        if (checkpoints.Count == 0 || membership is null)
            throw new JobSpecException(kind, [$"training job {run.TrainingJobId} registered no checkpoints or no membership; train again with this platform's train job"]);
        // Every k-th, counted back from the last so that the final model is always in.
        var chosen = checkpoints.Where((_, i) => (checkpoints.Count - 1 - i) % run.Every == 0);
        run.Checkpoints.Clear();
        run.Checkpoints.AddRange(chosen.Select(m => new ModelReference { Name = m.Name, Version = m.Version }));
        run.MembershipSha256 = membership.Sha256;
        run.TrajectoriesSha256 = files.FirstOrDefault(a => a.Name == "trajectories.safetensors")?.Sha256;
    }

    private static int EpochOf(string card)
    {
        using var json = JsonDocument.Parse(card);
        return json.RootElement.TryGetProperty("epoch", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 0;
    }
}
