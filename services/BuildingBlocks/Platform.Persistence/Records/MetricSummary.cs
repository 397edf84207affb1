namespace Platform.Persistence.Records;

/// <summary>Last, minimum and maximum of one metric of a job.</summary>
public sealed record MetricSummary(Guid JobId, string Key, long LastStep, double Last, double Min, double Max, long Count)
{
    private MetricSummary() : this(Guid.Empty, "", 0, 0, 0, 0, 0) { }
}
