namespace Platform.Persistence.Records;

/// <summary>A row of <c>workflow_children</c>: the child job a workflow submitted for a slot of a step.</summary>
public sealed record WorkflowChildRecord(Guid ChildId, Guid WorkflowId, long Step, long Slot);
