namespace Platform.Lab.Workflows;

/// <summary>
/// A multi-step experiment that Lab runs by submitting child jobs: each step's children are planned from the spec
/// and the results and artifacts of the steps before it, and the next step starts when all of them succeeded.
/// Plans must be deterministic (the same context gives the same children), since a restart may plan a step again.
/// </summary>
public interface IWorkflowDefinition
{
    /// <summary>The job kind it runs.</summary>
    string Kind { get; }

    /// <summary>What each step does, in order (shown as the parent's progress, "step 2 of 3: …").</summary>
    IReadOnlyList<string> Steps { get; }

    /// <summary>The child jobs of <see cref="WorkflowContext.Step"/>, at least one.</summary>
    Task<IReadOnlyList<WorkflowChildJob>> PlanAsync(WorkflowContext context, CancellationToken ct);

    /// <summary>The parent's result (JSON) once every step succeeded.</summary>
    Task<string> SummarizeAsync(WorkflowContext context, CancellationToken ct);
}
