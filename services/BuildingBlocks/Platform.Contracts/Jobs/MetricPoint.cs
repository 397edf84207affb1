namespace Platform.Contracts.Jobs;

/// <summary>One value of a metric at a step (epoch, iteration) of a job.</summary>
public sealed record MetricPoint(string Key, long Step, double Value, DateTimeOffset Time);
