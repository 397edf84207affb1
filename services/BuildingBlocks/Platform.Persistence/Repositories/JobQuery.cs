using Platform.Persistence.Records;

namespace Platform.Persistence.Repositories;

/// <summary>Filters and paging for listing jobs; newest first.</summary>
public sealed record JobQuery
{
    /// <summary>Only jobs of this project.</summary>
    public Guid? ProjectId { get; init; }

    /// <summary>Only jobs of this experiment.</summary>
    public Guid? ExperimentId { get; init; }

    /// <summary>Only jobs of this kind.</summary>
    public string? Kind { get; init; }

    /// <summary>Only jobs in one of these states (empty = any).</summary>
    public IReadOnlyList<JobState> States { get; init; } = [];

    /// <summary>Rows to skip.</summary>
    public int Offset { get; init; }

    /// <summary>Rows to return (1 to 1,000).</summary>
    public int Limit { get; init; } = 50;
}
