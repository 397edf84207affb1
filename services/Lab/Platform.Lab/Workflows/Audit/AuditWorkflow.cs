using System.Text.Json.Nodes;
using Platform.Contracts.Curvature;
using Platform.Contracts.Training;

namespace Platform.Lab.Workflows.Audit;

/// <summary>
/// <see cref="CurvatureJobKinds.Audit"/>: shadow set (targets included) → per-model scores over the pool → attacks
/// and report. The models are named <c>audit-{job}-shadow-{k}</c>; the last <see cref="AuditSpec.Targets"/> are the
/// targets, the rest the shadows.
/// </summary>
public sealed class AuditWorkflow : IWorkflowDefinition
{
    /// <inheritdoc />
    public string Kind => CurvatureJobKinds.Audit;

    /// <inheritdoc />
    public IReadOnlyList<string> Steps { get; } = ["train shadow and target models", "score every model's pool samples", "attack and report"];

    /// <inheritdoc />
    public async Task<IReadOnlyList<WorkflowChildJob>> PlanAsync(WorkflowContext context, CancellationToken ct)
    {
        var spec = (AuditSpec)context.Spec;
        var models = spec.Shadows + spec.Targets;
        var name = ModelName(context);
        switch (context.Step)
        {
            case 1:
                return [new WorkflowChildJob(TrainingJobKinds.ShadowSet, new ShadowSetSpec
                {
                    Train = spec.Train with { ModelName = name }, Models = models, PoolSize = spec.PoolSize, MaskSeed = spec.Seed,
                }, $"{name}: {spec.Shadows} shadows + {spec.Targets} target(s)")];
            case 2:
                return Enumerable.Range(0, models).Select(k => new WorkflowChildJob(CurvatureJobKinds.Score, new ScoreSpec
                {
                    Model = new() { Name = $"{name}-shadow-{k}" }, Split = "train", Limit = spec.PoolSize,
                    Estimators = spec.Estimators.Length > 0 ? spec.Estimators : ["fd_gradnorm"], Directions = spec.Directions,
                    Step = spec.Step, Seed = spec.Seed, BatchSize = spec.ScoreBatchSize, Views = spec.Views,
                    Device = spec.Train.Device, Threads = spec.Train.Threads,
                }, $"{name}: scores of model {k}")).ToList();
            case 3:
                var shadowSet = context.ChildrenOf(1).Single();
                var scores = new List<string>();
                foreach (var child in context.ChildrenOf(2))
                    scores.Add(await context.ArtifactShaAsync(child, "scores.safetensors", ct));
                return [new WorkflowChildJob(CurvatureJobKinds.Attack, new AttackSpec
                {
                    Masks = await context.ArtifactShaAsync(shadowSet, "masks.safetensors", ct), Scores = [.. scores],
                    Targets = [.. Enumerable.Range(spec.Shadows, spec.Targets)], Estimators = spec.Estimators,
                    Attacks = spec.Attacks, Modes = spec.Modes, RmiaA = spec.RmiaA,
                }, $"{name}: attacks and report")];
            default:
                throw new InvalidOperationException($"{Kind} has {Steps.Count} steps, not {context.Step}");
        }
    }

    /// <inheritdoc />
    public Task<string> SummarizeAsync(WorkflowContext context, CancellationToken ct)
    {
        var spec = (AuditSpec)context.Spec;
        var shadowSet = context.ChildrenOf(1).Single();
        var attack = context.ChildrenOf(3).Single();
        var targets = new JsonArray();
        foreach (var scoring in context.ChildrenOf(2).Skip(spec.Shadows))
            targets.Add(TargetCard(scoring));
        var summary = new JsonObject
        {
            ["models"] = ModelName(context),
            ["targets"] = targets,
            ["shadowSetJob"] = shadowSet.Id.ToString(),
            ["attackJob"] = attack.Id.ToString(),
            ["training"] = Parse(shadowSet.Result),
            ["report"] = Parse(attack.Result),
        };
        return Task.FromResult(summary.ToJsonString());
    }

    // The target's model card, as pinned in its scoring job's spec: accuracies, training-set size and, for a DP
    // audit, the ε it was trained to (the empirical attack results sit beside it in the report).
    private static JsonObject TargetCard(Persistence.Records.JobRecord scoring)
    {
        var model = JsonNode.Parse(scoring.Spec)?["model"];
        var card = model?["card"]?.GetValue<string>() is { } text ? JsonNode.Parse(text) : null;
        return new JsonObject
        {
            ["model"] = model?["name"]?.GetValue<string>(),
            ["trainSamples"] = card?["trainSamples"]?.DeepClone(),
            ["trainAccuracy"] = card?["trainAccuracy"]?.DeepClone(),
            ["testAccuracy"] = card?["testAccuracy"]?.DeepClone(),
            ["privacy"] = card?["privacy"]?.DeepClone(),
        };
    }

    private static string ModelName(WorkflowContext context) => $"audit-{context.Parent.Id.ToString("N")[..8]}";

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
