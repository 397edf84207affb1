using Platform.Contracts.Jobs;

namespace Platform.Lab.Workflows;

/// <summary>One child job a workflow step submits: its kind, spec and name.</summary>
public sealed record WorkflowChildJob(string Kind, IJobSpec Spec, string Name);
