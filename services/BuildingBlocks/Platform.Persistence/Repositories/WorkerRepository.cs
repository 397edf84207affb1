using Dapper;
using Platform.Contracts.Workers;
using Platform.Persistence.Connections;
using Platform.Persistence.Records;

namespace Platform.Persistence.Repositories;

/// <summary>The <c>workers</c> table, one row per worker process, refreshed by heartbeats.</summary>
public sealed class WorkerRepository(IDbConnectionFactory connections)
{
    /// <summary>Records a heartbeat (newer beats only).</summary>
    public Task RecordAsync(WorkerHeartbeat beat, CancellationToken ct = default, DbSession? session = null) =>
        connections.RunAsync(session, (c, tx) => c.ExecuteAsync(
            "INSERT INTO workers (id, host, process_id, device, kinds, current_job_id, current_run_id, device_memory_used, " +
            "first_seen_at, last_seen_at) VALUES (@WorkerId, @Host, @ProcessId, @Device, @kinds, @CurrentJobId, @CurrentRunId, " +
            "@DeviceMemoryUsed, @Time, @Time) ON CONFLICT (id) DO UPDATE SET device = excluded.device, kinds = excluded.kinds, " +
            "current_job_id = excluded.current_job_id, current_run_id = excluded.current_run_id, " +
            "device_memory_used = excluded.device_memory_used, last_seen_at = excluded.last_seen_at " +
            "WHERE workers.last_seen_at <= excluded.last_seen_at",
            new
            {
                beat.WorkerId, beat.Host, beat.ProcessId, beat.Device, kinds = string.Join(",", beat.Kinds),
                beat.CurrentJobId, beat.CurrentRunId, beat.DeviceMemoryUsed, beat.Time,
            }, tx), ct);

    /// <summary>Workers seen since <paramref name="since"/>, most recent first.</summary>
    public async Task<IReadOnlyList<WorkerRecord>> ListAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return (await c.QueryAsync<WorkerRecord>(
            "SELECT * FROM workers WHERE last_seen_at >= @since ORDER BY last_seen_at DESC", new { since })).AsList();
    }
}
