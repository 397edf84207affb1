using Platform.Contracts.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;

namespace Platform.Lab.Workflows;

/// <summary>What a workflow definition sees when it plans a step: the parent job, its spec, and the children so far.</summary>
public sealed class WorkflowContext(
    JobRecord parent, IJobSpec spec, int step, IReadOnlyList<WorkflowChild> children, ArtifactRepository artifacts)
{
    /// <summary>The workflow's own job.</summary>
    public JobRecord Parent { get; } = parent;

    /// <summary>The parent's validated spec.</summary>
    public IJobSpec Spec { get; } = spec;

    /// <summary>The step being planned or summarized (1-based).</summary>
    public int Step { get; } = step;

    /// <summary>The succeeded children of a step, in slot order.</summary>
    public IReadOnlyList<JobRecord> ChildrenOf(int step) =>
        children.Where(c => c.Step == step).OrderBy(c => c.Slot).Select(c => c.Job).ToList();

    /// <summary>The content hash of a child's artifact; a clear error when the child did not store it.</summary>
    public async Task<string> ArtifactShaAsync(JobRecord child, string name, CancellationToken ct)
    {
        var stored = await artifacts.ListByJobAsync(child.Id, ct);
        return stored.FirstOrDefault(a => a.Name == name)?.Sha256
            ?? throw new InvalidOperationException(
                $"child job {child.Id} ({child.Kind}) succeeded without storing '{name}' (it has: {string.Join(", ", stored.Select(a => a.Name))})");
    }
}
