using Dapper;
using Platform.Persistence.Connections;
using Platform.Persistence.Records;

namespace Platform.Persistence.Repositories;

/// <summary>
/// The <c>workflows</c> and <c>workflow_children</c> tables. Every write is idempotent (insert-if-absent, or an
/// UPDATE guarded by the step it moves from), so a duplicated signal or a restart replays safely.
/// </summary>
public sealed class WorkflowRepository(IDbConnectionFactory connections)
{
    /// <summary>Creates the workflow of a job at step 1 unless it exists; returns the row.</summary>
    public async Task<WorkflowRecord> EnsureAsync(Guid jobId, string kind, CancellationToken ct = default)
    {
        var now = Clock.Now();
        await using var c = await connections.OpenAsync(ct);
        await c.ExecuteAsync(
            "INSERT INTO workflows (job_id, kind, step, created_at, updated_at) VALUES (@jobId, @kind, 1, @now, @now) " +
            "ON CONFLICT (job_id) DO NOTHING", new { jobId, kind, now });
        return (await c.QuerySingleAsync<WorkflowRecord>(
            "SELECT job_id, kind, step, created_at, updated_at FROM workflows WHERE job_id = @jobId", new { jobId }));
    }

    /// <summary>The workflow of a job, or null.</summary>
    public async Task<WorkflowRecord?> GetAsync(Guid jobId, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<WorkflowRecord>(
            "SELECT job_id, kind, step, created_at, updated_at FROM workflows WHERE job_id = @jobId", new { jobId });
    }

    /// <summary>Moves a workflow from <paramref name="from"/> to the next step; false if it was not on that step.</summary>
    public async Task<bool> TryAdvanceAsync(Guid jobId, long from, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return await c.ExecuteAsync(
            "UPDATE workflows SET step = @next, updated_at = @now WHERE job_id = @jobId AND step = @from",
            new { jobId, from, next = from + 1, now = Clock.Now() }) == 1;
    }

    /// <summary>
    /// Records the children of a step, one per slot, in one transaction, keeping any already recorded for a slot;
    /// returns the step's children. A crash leaves either every slot of the step recorded or none.
    /// </summary>
    public async Task<IReadOnlyList<WorkflowChildRecord>> RecordChildrenAsync(
        Guid workflowId, long step, int slots, CancellationToken ct = default)
    {
        await using (var session = await DbSession.BeginAsync(connections, ct))
        {
            for (var slot = 0; slot < slots; slot++)
                await session.Connection.ExecuteAsync(
                    "INSERT INTO workflow_children (child_id, workflow_id, step, slot) VALUES (@childId, @workflowId, @step, @slot) " +
                    "ON CONFLICT DO NOTHING", new { childId = Guid.NewGuid(), workflowId, step, slot }, session.Transaction);
            await session.CommitAsync(ct);
        }
        return (await ListChildrenAsync(workflowId, ct)).Where(c => c.Step == step).ToList();
    }

    /// <summary>The children of a workflow, by step and slot.</summary>
    public async Task<IReadOnlyList<WorkflowChildRecord>> ListChildrenAsync(Guid workflowId, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return (await c.QueryAsync<WorkflowChildRecord>(
            "SELECT child_id, workflow_id, step, slot FROM workflow_children WHERE workflow_id = @workflowId ORDER BY step, slot",
            new { workflowId })).AsList();
    }

    /// <summary>The workflow a job is a child of, or null.</summary>
    public async Task<Guid?> GetParentAsync(Guid childId, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<Guid?>(
            "SELECT workflow_id FROM workflow_children WHERE child_id = @childId", new { childId });
    }

    /// <summary>Workflows whose job is queued, running or stalled (to continue after a restart).</summary>
    public async Task<IReadOnlyList<Guid>> ListLiveAsync(CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return (await c.QueryAsync<Guid>(
            "SELECT w.job_id FROM workflows w JOIN jobs j ON j.id = w.job_id " +
            "WHERE j.state IN ('Queued', 'Running', 'Stalled') OR (j.cancel_requested AND j.state <> 'Canceled') " +
            "ORDER BY w.created_at")).AsList();
    }
}
