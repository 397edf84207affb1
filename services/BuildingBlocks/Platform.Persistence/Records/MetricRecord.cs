namespace Platform.Persistence.Records;

/// <summary>A row of <c>metrics</c>.</summary>
public sealed record MetricRecord(Guid JobId, string Key, long Step, double Value, DateTimeOffset Time)
{
    private MetricRecord() : this(Guid.Empty, "", 0, 0, default) { }
}
