using Microsoft.Extensions.Logging;
using Platform.Contracts.Jobs;
using Platform.Contracts.Workers;
using Platform.Lab.Notifications;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;

namespace Platform.Lab.Jobs;

/// <summary>
/// Stores what workers report. Every write is guarded by the job's current run and state, so a duplicated
/// or stale event changes nothing; after each change the notifier tells live views.
/// </summary>
public sealed class LabJobEventSink(
    JobRepository jobs,
    MetricRepository metrics,
    ArtifactRepository artifacts,
    WorkerRepository workers,
    IJobDispatcher dispatcher,
    JobNotifier notifier,
    ILogger<LabJobEventSink> logger) : IJobEventSink
{
    /// <inheritdoc />
    public async Task OnJobEventAsync(IJobEvent jobEvent, CancellationToken ct)
    {
        var changed = jobEvent switch
        {
            JobStarted e => await StartedAsync(e, ct),
            JobProgressed e => await jobs.TryUpdateProgressAsync(e.JobId, e.RunId, e.Sequence, e.Value, e.Limit, e.Message, e.Time, ct),
            MetricsLogged e => await IfCurrentRunAsync(e, () => metrics.UpsertAsync(e.JobId, e.Points, ct), ct),
            ArtifactStored e => await IfCurrentRunAsync(e, () => artifacts.UpsertAsync(
                e.JobId, e.Name, e.Kind, e.MediaType, e.Size, e.Sha256, e.StoragePath, ct), ct),
            JobSucceeded e => await jobs.TryFinishAsync(e.JobId, e.RunId, JobState.Succeeded, e.Time, null, e.Result, ct),
            JobFailed e => await jobs.TryFinishAsync(e.JobId, e.RunId, JobState.Failed, e.Time, e.Error, null, ct),
            JobCanceled e => await jobs.TryFinishAsync(e.JobId, e.RunId, JobState.Canceled, e.Time, null, null, ct),
            _ => false,
        };
        if (changed && await jobs.GetAsync(jobEvent.JobId, ct) is { } job)
            notifier.Notify(new JobChanged(job.Id, job.State, jobEvent.GetType().Name));
    }

    /// <inheritdoc />
    public async Task OnHeartbeatAsync(WorkerHeartbeat heartbeat, CancellationToken ct)
    {
        await workers.RecordAsync(heartbeat, ct);
        if (heartbeat is { CurrentJobId: { } jobId, CurrentRunId: { } runId })
            await jobs.TouchAsync(jobId, runId, heartbeat.Time, ct);
    }

    private async Task<bool> StartedAsync(JobStarted e, CancellationToken ct)
    {
        if (await jobs.TryStartRunAsync(e.JobId, e.RunId, e.Sequence, e.WorkerId, e.Device, e.Time, ct))
        {
            logger.LogInformation("Job {JobId} run {RunId} started on {Worker} ({Device}){Resumed}", e.JobId, e.RunId,
                e.WorkerId, e.Device, e.ResumedFromStep is { } s ? $", resumed from step {s}" : "");
            return true;
        }
        // A run of a job that was canceled (or finished) meanwhile: tell the worker to stop it.
        if (await jobs.GetAsync(e.JobId, ct) is { } job && (job.State.IsTerminal() || job.CancelRequested) && job.RunId != e.RunId)
            await dispatcher.PublishCancelAsync(e.JobId, ct);
        return false;
    }

    private async Task<bool> IfCurrentRunAsync(IJobEvent e, Func<Task> write, CancellationToken ct)
    {
        var job = await jobs.GetAsync(e.JobId, ct);
        if (job is null || job.RunId != e.RunId || job.State.IsTerminal())
            return false;
        await write();
        return true;
    }
}
