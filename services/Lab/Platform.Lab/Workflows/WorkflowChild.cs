using Platform.Persistence.Records;

namespace Platform.Lab.Workflows;

/// <summary>A child job of a workflow with the step and slot it was submitted for.</summary>
public sealed record WorkflowChild(int Step, int Slot, JobRecord Job);
