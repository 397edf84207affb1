namespace Platform.Contracts.Jobs;

/// <summary>Progress of a run: <paramref name="Value"/> of <paramref name="Limit"/> units, with a short message.</summary>
public sealed record JobProgressed(
    Guid JobId, Guid RunId, long Sequence, DateTimeOffset Time,
    double Value, double Limit, string? Message) : IJobEvent;
