namespace Platform.Messaging.Worker;

/// <summary>Who this worker process is, as reported in events and heartbeats.</summary>
public sealed class WorkerIdentity(WorkerOptions options)
{
    /// <summary>The worker id.</summary>
    public string Id { get; } = string.IsNullOrWhiteSpace(options.Id)
        ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}"
        : options.Id;

    /// <summary>The device jobs run on.</summary>
    public string Device { get; } = options.Device;
}
