namespace Platform.Contracts.Jobs;

/// <summary>A batch of metric points logged by a run. (job, key, step) is unique: a repeated point overwrites.</summary>
public sealed record MetricsLogged(
    Guid JobId, Guid RunId, long Sequence, DateTimeOffset Time,
    IReadOnlyList<MetricPoint> Points) : IJobEvent;
