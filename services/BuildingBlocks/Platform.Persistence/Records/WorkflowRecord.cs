namespace Platform.Persistence.Records;

/// <summary>A row of <c>workflows</c>: a multi-step job run by Lab and the step it is on (1-based).</summary>
public sealed record WorkflowRecord(Guid JobId, string Kind, long Step, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
