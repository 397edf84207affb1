using System.Data.Common;
using Dapper;
using Platform.Persistence.Connections;
using Platform.Persistence.Records;

namespace Platform.Persistence.Repositories;

/// <summary>
/// The <c>jobs</c> table. Every state change is one guarded UPDATE whose WHERE clause states the
/// transition it allows, so duplicated or stale events change nothing and concurrent writers cannot
/// move a job backwards.
/// </summary>
public sealed class JobRepository(IDbConnectionFactory connections)
{
    private const string Columns =
        "id, project_id, experiment_id, name, kind, spec, state, progress_value, progress_limit, progress_message, " +
        "attempt, run_id, last_sequence, worker, device, cancel_requested, heartbeat_at, created_at, started_at, " +
        "finished_at, updated_at, error, result";

    private const string Live = "('Queued', 'Running', 'Stalled')";

    /// <summary>Inserts a new job in <see cref="JobState.Queued"/>.</summary>
    public async Task<JobRecord> InsertAsync(
        Guid id, string kind, string spec, string name, Guid? projectId, Guid? experimentId, CancellationToken ct = default)
    {
        var now = Clock.Now();
        await using var c = await connections.OpenAsync(ct);
        await c.ExecuteAsync(
            "INSERT INTO jobs (id, project_id, experiment_id, name, kind, spec, state, created_at, updated_at) " +
            "VALUES (@id, @projectId, @experimentId, @name, @kind, @spec, 'Queued', @now, @now)",
            new { id, projectId, experimentId, name, kind, spec, now });
        return (await GetAsync(c, id))!;
    }

    /// <summary>The job, or null.</summary>
    public Task<JobRecord?> GetAsync(Guid id, CancellationToken ct = default, DbSession? session = null) =>
        connections.RunAsync(session, (c, tx) => GetAsync(c, id, tx), ct);

    private static Task<JobRecord?> GetAsync(DbConnection c, Guid id, DbTransaction? tx = null) =>
        c.QuerySingleOrDefaultAsync<JobRecord>($"SELECT {Columns} FROM jobs WHERE id = @id", new { id }, tx);

    /// <summary>A page of jobs matching <paramref name="query"/>, newest first.</summary>
    public async Task<Page<JobRecord>> ListAsync(JobQuery query, CancellationToken ct = default)
    {
        var where = new List<string>();
        var args = new DynamicParameters();
        if (query.ProjectId is { } p) { where.Add("project_id = @p"); args.Add("p", p); }
        if (query.ExperimentId is { } e) { where.Add("experiment_id = @e"); args.Add("e", e); }
        if (query.Kind is { } k) { where.Add("kind = @k"); args.Add("k", k); }
        if (query.States.Count > 0)
        {
            var names = query.States.Select((s, i) => $"@s{i}").ToList();
            for (var i = 0; i < query.States.Count; i++) args.Add($"s{i}", query.States[i].ToString());
            where.Add($"state IN ({string.Join(", ", names)})");
        }
        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        args.Add("limit", Math.Clamp(query.Limit, 1, 1000));
        args.Add("offset", Math.Max(0, query.Offset));
        await using var c = await connections.OpenAsync(ct);
        var total = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM jobs" + filter, args);
        var rows = await c.QueryAsync<JobRecord>(
            $"SELECT {Columns} FROM jobs{filter} ORDER BY created_at DESC, id LIMIT @limit OFFSET @offset", args);
        return new Page<JobRecord>(rows.AsList(), total);
    }

    /// <summary>Jobs that are queued, running or stalled (to re-send after a restart of an in-memory bus).</summary>
    public async Task<IReadOnlyList<JobRecord>> ListLiveAsync(CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return (await c.QueryAsync<JobRecord>($"SELECT {Columns} FROM jobs WHERE state IN {Live} ORDER BY created_at")).AsList();
    }

    /// <summary>
    /// Records that run <paramref name="runId"/> started. False when the job is terminal or this run
    /// was already recorded (a duplicated event).
    /// </summary>
    public Task<bool> TryStartRunAsync(
        Guid id, Guid runId, long sequence, string worker, string device, DateTimeOffset time, CancellationToken ct = default,
        DbSession? session = null) =>
        connections.RunAsync(session, async (c, tx) => await c.ExecuteAsync(
            "UPDATE jobs SET state = 'Running', run_id = @runId, attempt = attempt + 1, last_sequence = @sequence, " +
            "worker = @worker, device = @device, heartbeat_at = @time, started_at = COALESCE(started_at, @time), " +
            "updated_at = @now " +
            $"WHERE id = @id AND state IN {Live} AND (run_id IS NULL OR run_id <> @runId)",
            new { id, runId, sequence, worker, device, time, now = Clock.Now() }, tx) == 1, ct);

    /// <summary>Applies a progress event of the current run if it is newer than what was applied.</summary>
    public Task<bool> TryUpdateProgressAsync(
        Guid id, Guid runId, long sequence, double value, double limit, string? message, DateTimeOffset time,
        CancellationToken ct = default, DbSession? session = null) =>
        connections.RunAsync(session, async (c, tx) => await c.ExecuteAsync(
            "UPDATE jobs SET state = 'Running', progress_value = @value, progress_limit = @limit, " +
            "progress_message = @message, last_sequence = @sequence, heartbeat_at = @time, updated_at = @now " +
            "WHERE id = @id AND run_id = @runId AND state IN ('Running', 'Stalled') AND last_sequence < @sequence",
            new { id, runId, sequence, value, limit, message, time, now = Clock.Now() }, tx) == 1, ct);

    /// <summary>Moves the current run's job to a terminal state; false if it already is terminal or the run is stale.</summary>
    public Task<bool> TryFinishAsync(
        Guid id, Guid runId, JobState state, DateTimeOffset time, string? error, string? result, CancellationToken ct = default,
        DbSession? session = null)
    {
        if (!state.IsTerminal())
            throw new ArgumentException($"{state} is not a terminal state", nameof(state));
        return connections.RunAsync(session, async (c, tx) => await c.ExecuteAsync(
            "UPDATE jobs SET state = @state, finished_at = @time, error = @error, result = @result, " +
            "progress_value = CASE WHEN @state = 'Succeeded' AND progress_limit > 0 THEN progress_limit ELSE progress_value END, " +
            "updated_at = @now " +
            $"WHERE id = @id AND run_id = @runId AND state IN {Live}",
            new { id, runId, state = state.ToString(), time, error, result, now = Clock.Now() }, tx) == 1, ct);
    }

    /// <summary>
    /// A user's cancel: a queued job ends <see cref="JobState.Canceled"/> at once; a running or stalled one
    /// is flagged and ends when its worker reports. Returns the state after the call, or null if no such job.
    /// </summary>
    public async Task<JobState?> RequestCancelAsync(Guid id, CancellationToken ct = default)
    {
        var now = Clock.Now();
        await using var c = await connections.OpenAsync(ct);
        await c.ExecuteAsync(
            "UPDATE jobs SET state = 'Canceled', finished_at = @now, updated_at = @now WHERE id = @id AND state = 'Queued'",
            new { id, now });
        await c.ExecuteAsync(
            "UPDATE jobs SET cancel_requested = @yes, updated_at = @now WHERE id = @id AND state IN ('Running', 'Stalled')",
            new { id, now, yes = true });
        return (await GetAsync(c, id))?.State;
    }

    /// <summary>Puts a failed, canceled or stalled job back in the queue; false for any other state.</summary>
    public async Task<bool> TryRequeueAsync(Guid id, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return await c.ExecuteAsync(
            "UPDATE jobs SET state = 'Queued', cancel_requested = @no, error = NULL, result = NULL, finished_at = NULL, " +
            "updated_at = @now WHERE id = @id AND state IN ('Failed', 'Canceled', 'Stalled')",
            new { id, no = false, now = Clock.Now() }) == 1;
    }

    /// <summary>Marks a job failed without a run (e.g. its command could not be sent).</summary>
    public async Task MarkFailedAsync(Guid id, string error, CancellationToken ct = default)
    {
        var now = Clock.Now();
        await using var c = await connections.OpenAsync(ct);
        await c.ExecuteAsync(
            $"UPDATE jobs SET state = 'Failed', error = @error, finished_at = @now, updated_at = @now WHERE id = @id AND state IN {Live}",
            new { id, error, now });
    }

    /// <summary>Refreshes the heartbeat of the current run; a stalled job that beats again is running.</summary>
    public Task TouchAsync(Guid id, Guid runId, DateTimeOffset time, CancellationToken ct = default, DbSession? session = null) =>
        connections.RunAsync(session, (c, tx) => c.ExecuteAsync(
            "UPDATE jobs SET heartbeat_at = @time, state = 'Running' WHERE id = @id AND run_id = @runId " +
            "AND state IN ('Running', 'Stalled') AND (heartbeat_at IS NULL OR heartbeat_at < @time)",
            new { id, runId, time }, tx), ct);

    /// <summary>Marks running jobs whose last heartbeat is older than <paramref name="cutoff"/> as stalled; returns their ids.</summary>
    public async Task<IReadOnlyList<Guid>> MarkStalledAsync(DateTimeOffset cutoff, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return (await c.QueryAsync<Guid>(
            "UPDATE jobs SET state = 'Stalled', updated_at = @now WHERE state = 'Running' AND heartbeat_at < @cutoff RETURNING id",
            new { cutoff, now = Clock.Now() })).AsList();
    }
}
