namespace Platform.Persistence.Records;

/// <summary>A row of <c>jobs</c>.</summary>
public sealed class JobRecord
{
    /// <summary>Id.</summary>
    public Guid Id { get; init; }

    /// <summary>Project, if the job belongs to one.</summary>
    public Guid? ProjectId { get; init; }

    /// <summary>Experiment, if the job belongs to one.</summary>
    public Guid? ExperimentId { get; init; }

    /// <summary>A person's label for the job.</summary>
    public string Name { get; init; } = "";

    /// <summary>Job kind (queue).</summary>
    public string Kind { get; init; } = "";

    /// <summary>Validated spec, JSON.</summary>
    public string Spec { get; init; } = "{}";

    /// <summary>Life-cycle state.</summary>
    public JobState State { get; init; }

    /// <summary>Units done.</summary>
    public double ProgressValue { get; init; }

    /// <summary>Units in all (0 = unknown).</summary>
    public double ProgressLimit { get; init; }

    /// <summary>What the job is doing now.</summary>
    public string? ProgressMessage { get; init; }

    /// <summary>How many runs started (a redelivery or a retry adds one).</summary>
    public int Attempt { get; init; }

    /// <summary>The current run.</summary>
    public Guid? RunId { get; init; }

    /// <summary>Highest event sequence applied from the current run.</summary>
    public long LastSequence { get; init; }

    /// <summary>Worker of the current run.</summary>
    public string? Worker { get; init; }

    /// <summary>Device of the current run (<c>cpu</c>, <c>cuda:0</c>).</summary>
    public string? Device { get; init; }

    /// <summary>A user asked to cancel it while it ran.</summary>
    public bool CancelRequested { get; init; }

    /// <summary>Last sign of life of its worker.</summary>
    public DateTimeOffset? HeartbeatAt { get; init; }

    /// <summary>Submitted.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>First started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Reached a terminal state.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Error of a failed job.</summary>
    public string? Error { get; init; }

    /// <summary>JSON summary of a succeeded job.</summary>
    public string? Result { get; init; }
}
