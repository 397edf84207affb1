namespace Platform.Persistence.Records;

/// <summary>A row of <c>projects</c>.</summary>
public sealed record ProjectRecord(Guid Id, string Name, string Description, DateTimeOffset CreatedAt)
{
    private ProjectRecord() : this(Guid.Empty, "", "", default) { }
}
