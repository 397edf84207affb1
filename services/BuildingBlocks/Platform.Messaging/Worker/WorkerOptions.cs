namespace Platform.Messaging.Worker;

/// <summary>Configuration section <c>Worker</c>.</summary>
public sealed class WorkerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Worker";

    /// <summary>Stable name of this worker process (default: host name, process id and a random suffix).</summary>
    public string? Id { get; set; }

    /// <summary>Device jobs run on, e.g. <c>cpu</c> or <c>cuda:0</c>; reported with every job.</summary>
    public string Device { get; set; } = "cpu";

    /// <summary>Job kinds this process consumes; empty = every kind it has a handler for.</summary>
    public List<string> Kinds { get; set; } = [];

    /// <summary>Jobs run at the same time in this process across all kinds (one per device by default).</summary>
    public int MaxConcurrentJobs { get; set; } = 1;

    /// <summary>Seconds between heartbeats.</summary>
    public double HeartbeatSeconds { get; set; } = 5;

    /// <summary>Least milliseconds between two progress events of a job (the last one is always sent).</summary>
    public int ProgressIntervalMilliseconds { get; set; } = 250;
}
