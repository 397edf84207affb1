namespace Platform.Persistence.Records;

/// <summary>A row of <c>workers</c>, refreshed by heartbeats.</summary>
public sealed record WorkerRecord(
    string Id, string Host, int ProcessId, string Device, string Kinds, Guid? CurrentJobId, Guid? CurrentRunId,
    long? DeviceMemoryUsed, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt)
{
    private WorkerRecord() : this("", "", 0, "", "", null, null, null, default, default) { }
}
