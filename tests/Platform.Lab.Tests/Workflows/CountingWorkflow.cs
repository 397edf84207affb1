using System.Text.Json;
using Platform.Contracts.Jobs;
using Platform.Lab.Workflows;

namespace Platform.Lab.Tests.Workflows;

/// <summary>A test workflow of self-test children: step s submits <c>Children[s-1]</c> of them.</summary>
public sealed class CountingWorkflow : IWorkflowDefinition
{
    public const string KindName = "test.counting";

    public string Kind => KindName;

    public IReadOnlyList<string> Steps { get; } = ["first", "second"];

    public Task<IReadOnlyList<WorkflowChildJob>> PlanAsync(WorkflowContext context, CancellationToken ct)
    {
        var spec = (CountingWorkflowSpec)context.Spec;
        var before = context.Step == 1 ? 0 : context.ChildrenOf(1).Count;
        return Task.FromResult<IReadOnlyList<WorkflowChildJob>>(Enumerable.Range(0, spec.Children[context.Step - 1])
            .Select(slot => new WorkflowChildJob(JobKinds.SelfTest, new SelfTestSpec
            {
                Steps = spec.ChildSteps, StepMilliseconds = spec.StepMilliseconds, CheckpointEvery = 5,
                FailAtStep = spec.FailStep == context.Step && slot == 0 ? 2 : null,
            }, $"step {context.Step} child {slot} (after {before})")).ToList());
    }

    public Task<string> SummarizeAsync(WorkflowContext context, CancellationToken ct) =>
        Task.FromResult(JsonSerializer.Serialize(new { first = context.ChildrenOf(1).Count, second = context.ChildrenOf(2).Count }));
}

public sealed record CountingWorkflowSpec : IJobSpec
{
    public int[] Children { get; init; } = [2, 1];

    public int ChildSteps { get; init; } = 4;

    public int StepMilliseconds { get; init; } = 10;

    public int? FailStep { get; init; }

    public IEnumerable<string> Validate()
    {
        if (Children.Length != 2 || Children.Any(c => c < 1))
            yield return "children must be two positive counts";
    }
}
