namespace Platform.Persistence.Records;

/// <summary>A row of <c>experiments</c>.</summary>
public sealed record ExperimentRecord(Guid Id, Guid ProjectId, string Name, string Description, DateTimeOffset CreatedAt)
{
    private ExperimentRecord() : this(Guid.Empty, Guid.Empty, "", "", default) { }
}
