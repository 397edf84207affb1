using Dapper;
using Platform.Contracts.Jobs;
using Platform.Persistence.Connections;
using Platform.Persistence.Records;

namespace Platform.Persistence.Repositories;

/// <summary>The <c>metrics</c> table; (job, key, step) is unique and a repeated point overwrites.</summary>
public sealed class MetricRepository(IDbConnectionFactory connections)
{
    /// <summary>Writes the points in one transaction.</summary>
    public async Task UpsertAsync(Guid jobId, IReadOnlyList<MetricPoint> points, CancellationToken ct = default)
    {
        if (points.Count == 0)
            return;
        await using var c = await connections.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(
            "INSERT INTO metrics (job_id, key, step, value, time) VALUES (@jobId, @Key, @Step, @Value, @Time) " +
            "ON CONFLICT (job_id, key, step) DO UPDATE SET value = excluded.value, time = excluded.time",
            points.Select(p => new { jobId, p.Key, p.Step, p.Value, p.Time }), tx);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Writes the points only if <paramref name="runId"/> is the job's current run and the job is live, in one
    /// statement; returns false (nothing written) for a stale run. A (key, step) given twice keeps the later value.
    /// </summary>
    public Task<bool> TryUpsertForRunAsync(
        Guid jobId, Guid runId, IReadOnlyList<MetricPoint> points, CancellationToken ct = default, DbSession? session = null)
    {
        var unique = points.GroupBy(p => (p.Key, p.Step)).Select(g => g.Last()).ToList();
        if (unique.Count == 0)
            return Task.FromResult(false);
        var args = new DynamicParameters(new { jobId, runId });
        var rows = new List<string>(unique.Count);
        for (var i = 0; i < unique.Count; i++)
        {
            rows.Add($"(@jobId, @k{i}, @s{i}, @v{i}, @t{i})");
            args.Add($"k{i}", unique[i].Key);
            args.Add($"s{i}", unique[i].Step);
            args.Add($"v{i}", unique[i].Value);
            args.Add($"t{i}", unique[i].Time);
        }
        // VALUES columns are column1..column5 in both SQLite and PostgreSQL.
        var sql =
            "INSERT INTO metrics (job_id, key, step, value, time) SELECT column1, column2, column3, column4, column5 " +
            $"FROM (VALUES {string.Join(", ", rows)}) AS v " +
            "WHERE EXISTS (SELECT 1 FROM jobs WHERE id = @jobId AND run_id = @runId AND state IN ('Running', 'Stalled')) " +
            "ON CONFLICT (job_id, key, step) DO UPDATE SET value = excluded.value, time = excluded.time";
        return connections.RunAsync(session, async (c, tx) => await c.ExecuteAsync(sql, args, tx) > 0, ct);
    }

    /// <summary>The points of a job (optionally one key) by key and step.</summary>
    public async Task<IReadOnlyList<MetricRecord>> ListAsync(Guid jobId, string? key = null, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return (await c.QueryAsync<MetricRecord>(
            "SELECT job_id, key, step, value, time FROM metrics WHERE job_id = @jobId AND (@key IS NULL OR key = @key) " +
            "ORDER BY key, step", new { jobId, key })).AsList();
    }

    /// <summary>Last, min and max of every metric of the given jobs.</summary>
    public async Task<IReadOnlyList<MetricSummary>> SummarizeAsync(IReadOnlyList<Guid> jobIds, CancellationToken ct = default)
    {
        if (jobIds.Count == 0)
            return [];
        await using var c = await connections.OpenAsync(ct);
        var ids = jobIds.Select(i => i.ToString("D")).ToList();
        var inList = string.Join(", ", ids.Select((_, i) => $"@j{i}"));
        var args = new DynamicParameters();
        for (var i = 0; i < ids.Count; i++) args.Add($"j{i}", ids[i]);
        return (await c.QueryAsync<MetricSummary>(
            "SELECT m.job_id, m.key, MAX(m.step) AS last_step, " +
            "(SELECT l.value FROM metrics l WHERE l.job_id = m.job_id AND l.key = m.key ORDER BY l.step DESC LIMIT 1) AS last, " +
            "MIN(m.value) AS min, MAX(m.value) AS max, COUNT(*) AS count " +
            $"FROM metrics m WHERE m.job_id IN ({inList}) GROUP BY m.job_id, m.key ORDER BY m.job_id, m.key", args)).AsList();
    }
}
