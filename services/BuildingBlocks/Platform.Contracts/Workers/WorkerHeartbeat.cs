namespace Platform.Contracts.Workers;

/// <summary>Published by every worker at a fixed interval, idle or busy.</summary>
/// <param name="Kinds">The job kinds the worker consumes.</param>
/// <param name="CurrentJobId">The job it is running, if any.</param>
/// <param name="CurrentRunId">The run of that job.</param>
/// <param name="DeviceMemoryUsed">Bytes of accelerator memory in use, when known.</param>
public sealed record WorkerHeartbeat(
    string WorkerId, string Host, int ProcessId, string Device, IReadOnlyList<string> Kinds,
    Guid? CurrentJobId, Guid? CurrentRunId, long? DeviceMemoryUsed, DateTimeOffset Time);
