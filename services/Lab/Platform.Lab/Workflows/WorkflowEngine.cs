using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Lab.Jobs;
using Platform.Lab.Notifications;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;

namespace Platform.Lab.Workflows;

/// <summary>
/// Runs workflows: on every signal about a workflow or one of its children it reads the state from the database and
/// does what is missing — start the parent, record and submit the current step's children, move to the next step
/// when they all succeeded, fail on a child's failure, cancel the children of a canceled parent. It keeps nothing in
/// memory that the database does not hold, so a duplicated signal changes nothing and a restarted Lab continues.
/// Signals are handled one at a time.
/// </summary>
internal sealed class WorkflowEngine(
    WorkflowSignals signals,
    WorkflowCatalog catalog,
    WorkflowRepository workflows,
    JobRepository jobs,
    ArtifactRepository artifacts,
    JobKindCatalog kinds,
    JobService service,
    JobNotifier notifier,
    LabOptions options,
    ILogger<WorkflowEngine> logger) : BackgroundService
{
    private const string LabWorker = "lab";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WatchLiveAsync(stoppingToken);
        var period = TimeSpan.FromSeconds(Math.Clamp(options.StalledAfterSeconds / 4, 0.2, 10));
        using var sweep = new PeriodicTimer(period);
        var sweeping = SweepAsync(sweep, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            Guid id;
            try
            {
                id = await signals.ReadAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            try
            {
                await HandleAsync(id, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Advancing the workflow of job {JobId} failed; it is tried again on its next event", id);
            }
        }
        await sweeping;
    }

    // Live workflows are looked at again periodically: it keeps their heartbeat fresh (so they are not marked
    // stalled) and recovers from a signal lost to an error.
    private async Task SweepAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
                await WatchLiveAsync(ct);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Listing live workflows failed");
        }
    }

    private async Task WatchLiveAsync(CancellationToken ct)
    {
        foreach (var id in await workflows.ListLiveAsync(ct))
        {
            signals.Watch(id);
            foreach (var child in await workflows.ListChildrenAsync(id, ct))
                signals.Watch(child.ChildId);
            signals.Notify(id);
        }
    }

    /// <summary>Advances the workflow a signal is about (the job itself, or the workflow it is a child of).</summary>
    internal async Task HandleAsync(Guid id, CancellationToken ct)
    {
        var job = await jobs.GetAsync(id, ct);
        if (job is null)
            return;
        if (catalog.Find(job.Kind) is { } definition)
        {
            await AdvanceAsync(job, definition, ct);
            return;
        }
        if (await workflows.GetParentAsync(id, ct) is { } parentId && await jobs.GetAsync(parentId, ct) is { } parent
            && catalog.Find(parent.Kind) is { } parentDefinition)
            await AdvanceAsync(parent, parentDefinition, ct);
    }

    private async Task AdvanceAsync(JobRecord job, IWorkflowDefinition definition, CancellationToken ct)
    {
        if (job.State.IsTerminal() || job.CancelRequested)
        {
            await StopAsync(job, ct);
            return;
        }
        var workflow = await workflows.EnsureAsync(job.Id, job.Kind, ct);
        signals.Watch(job.Id);
        if (job.State == JobState.Queued && !await StartAsync(job, workflow, ct))
            return;
        job = (await jobs.GetAsync(job.Id, ct))!;
        var runId = job.RunId!.Value;
        await jobs.TouchAsync(job.Id, runId, DateTimeOffset.UtcNow, ct);
        var spec = kinds.Parse(job.Kind, job.Spec).Spec;
        for (var step = (int)workflow.Step; ; step++)
        {
            var all = await ChildrenAsync(job.Id, ct);
            if (step > definition.Steps.Count)
            {
                var result = await definition.SummarizeAsync(new WorkflowContext(job, spec, step, all, artifacts), ct);
                await FinishAsync(job, runId, JobState.Succeeded, null, result, ct);
                return;
            }
            var current = all.Where(c => c.Step == step).ToList();
            var context = new WorkflowContext(job, spec, step, all, artifacts);
            if (current.Count == 0 || current.Any(c => c.Job.Kind == ""))
            {
                if (await SubmitStepAsync(job, runId, context, definition, ct) is not { } submitted)
                    return;
                current = submitted;
            }
            if (current.FirstOrDefault(c => c.Job.State is JobState.Failed or JobState.Canceled) is { } broken)
            {
                var why = broken.Job.State == JobState.Failed ? $"failed: {broken.Job.Error}" : "was canceled";
                await FailAsync(job, runId,
                    $"step {step} of {definition.Steps.Count} ({definition.Steps[step - 1]}): child job {broken.Job.Id} " +
                    $"({broken.Job.Kind}{(broken.Job.Name == "" ? "" : $" '{broken.Job.Name}'")}) {why}", ct);
                return;
            }
            if (current.Any(c => c.Job.State != JobState.Succeeded))
            {
                await ReportProgressAsync(job, runId, step, definition, current, ct);
                return;
            }
            await workflows.TryAdvanceAsync(job.Id, step, ct);
        }
    }

    // A queued parent starts a run; after a retry, the failed or canceled children of its step are retried too.
    private async Task<bool> StartAsync(JobRecord job, WorkflowRecord workflow, CancellationToken ct)
    {
        if (!await jobs.TryStartRunAsync(job.Id, Guid.NewGuid(), job.LastSequence + 1, LabWorker, LabWorker, DateTimeOffset.UtcNow, ct))
            return false;
        notifier.Notify(new JobChanged(job.Id, JobState.Running, "WorkflowStarted"));
        foreach (var child in (await ChildrenAsync(job.Id, ct)).Where(c => c.Step == workflow.Step))
        {
            if (child.Job.State is JobState.Failed or JobState.Canceled)
                await service.RetryAsync(child.Job.Id, resume: true, ct);
        }
        return true;
    }

    // Records every slot of the step first (one transaction), then submits the slots that have no job yet.
    private async Task<List<WorkflowChild>?> SubmitStepAsync(
        JobRecord job, Guid runId, WorkflowContext context, IWorkflowDefinition definition, CancellationToken ct)
    {
        IReadOnlyList<WorkflowChildJob> plan;
        try
        {
            plan = await definition.PlanAsync(context, ct);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException)
        {
            await FailAsync(job, runId, $"step {context.Step} ({definition.Steps[context.Step - 1]}) could not be planned: {e.Message}", ct);
            return null;
        }
        var records = await workflows.RecordChildrenAsync(job.Id, context.Step, plan.Count, ct);
        var children = new List<WorkflowChild>();
        foreach (var record in records)
        {
            signals.Watch(record.ChildId);
            var planned = plan[(int)record.Slot];
            JobRecord child;
            try
            {
                child = await service.SubmitAsync(record.ChildId, planned.Kind, kinds.Serialize(planned.Spec),
                    planned.Name, job.ProjectId, job.ExperimentId, ct);
            }
            catch (Exception e) when (e is JobSpecException or KeyNotFoundException or ArgumentException or InvalidOperationException)
            {
                await FailAsync(job, runId, $"step {context.Step} ({definition.Steps[context.Step - 1]}): child '{planned.Name}' " +
                    $"({planned.Kind}) was refused: {e.Message}", ct);
                return null;
            }
            children.Add(new WorkflowChild(context.Step, (int)record.Slot, child));
        }
        logger.LogInformation("Workflow {JobId} step {Step}: {Count} child jobs submitted", job.Id, context.Step, children.Count);
        return children;
    }

    private async Task<List<WorkflowChild>> ChildrenAsync(Guid workflowId, CancellationToken ct)
    {
        var children = new List<WorkflowChild>();
        foreach (var record in await workflows.ListChildrenAsync(workflowId, ct))
            children.Add(new WorkflowChild((int)record.Step, (int)record.Slot,
                await jobs.GetAsync(record.ChildId, ct) ?? new JobRecord { Id = record.ChildId, State = JobState.Queued }));
        return children;
    }

    private async Task ReportProgressAsync(
        JobRecord job, Guid runId, int step, IWorkflowDefinition definition, List<WorkflowChild> current, CancellationToken ct)
    {
        var fraction = current.Average(c => c.Job.State == JobState.Succeeded ? 1
            : c.Job.ProgressLimit > 0 ? Math.Clamp(c.Job.ProgressValue / c.Job.ProgressLimit, 0, 1) : 0);
        var done = current.Count(c => c.Job.State == JobState.Succeeded);
        var detail = current.Count == 1
            ? current[0].Job.ProgressMessage ?? current[0].Job.State.ToString().ToLowerInvariant()
            : $"{done} of {current.Count} {current[0].Job.Kind} jobs done";
        var message = $"step {step} of {definition.Steps.Count}: {definition.Steps[step - 1]} — {detail}";
        var value = step - 1 + fraction;
        if (message == job.ProgressMessage && Math.Abs(value - job.ProgressValue) < 1e-9)
            return;
        if (await jobs.TryUpdateProgressAsync(job.Id, runId, job.LastSequence + 1, value, definition.Steps.Count, message,
                DateTimeOffset.UtcNow, ct))
            notifier.Notify(new JobChanged(job.Id, JobState.Running, "WorkflowProgressed"));
    }

    private async Task FailAsync(JobRecord job, Guid runId, string error, CancellationToken ct)
    {
        logger.LogWarning("Workflow {JobId} failed: {Error}", job.Id, error);
        await FinishAsync(job, runId, JobState.Failed, error, null, ct);
        await CancelLiveChildrenAsync(job.Id, ct);
    }

    private async Task FinishAsync(JobRecord job, Guid runId, JobState state, string? error, string? result, CancellationToken ct)
    {
        if (await jobs.TryFinishAsync(job.Id, runId, state, DateTimeOffset.UtcNow, error, result, ct))
            notifier.Notify(new JobChanged(job.Id, state, "Workflow" + state));
        signals.Unwatch(job.Id);
    }

    // A canceled (or already finished) parent: its live children are canceled, then the parent ends Canceled.
    private async Task StopAsync(JobRecord job, CancellationToken ct)
    {
        await CancelLiveChildrenAsync(job.Id, ct);
        if (!job.State.IsTerminal() && job.RunId is { } runId)
            await FinishAsync(job, runId, JobState.Canceled, null, null, ct);
        else if (job.State.IsTerminal())
            signals.Unwatch(job.Id);
    }

    private async Task CancelLiveChildrenAsync(Guid workflowId, CancellationToken ct)
    {
        foreach (var child in await ChildrenAsync(workflowId, ct))
        {
            if (!child.Job.State.IsTerminal() && child.Job.Kind != "" && !child.Job.CancelRequested)
                await service.CancelAsync(child.Job.Id, ct);
            if (child.Job.State.IsTerminal())
                signals.Unwatch(child.Job.Id);
        }
    }
}
