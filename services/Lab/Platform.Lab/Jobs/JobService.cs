using Microsoft.Extensions.Logging;
using Platform.Contracts.Jobs;
using Platform.Lab.Notifications;
using Platform.Lab.Workflows;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;

namespace Platform.Lab.Jobs;

/// <summary>
/// Lab's job operations: submit (validate, write the row, send the command), cancel and retry. The row is
/// written before the command is sent, so a worker never runs a job Lab does not know; a send that fails
/// marks the row failed with the reason.
/// </summary>
public sealed class JobService(
    JobKindCatalog catalog,
    JobRepository jobs,
    ProjectRepository projects,
    IJobDispatcher dispatcher,
    JobNotifier notifier,
    ModelReferenceResolver models,
    ArtifactReferenceResolver artifactReferences,
    WorkflowCatalog workflows,
    WorkflowSignals workflowSignals,
    ILogger<JobService> logger)
{
    /// <summary>
    /// Submits a job. Throws <see cref="JobSpecException"/> for an unknown kind or an invalid spec, and
    /// <see cref="KeyNotFoundException"/> for an unknown project or experiment.
    /// </summary>
    public Task<JobRecord> SubmitAsync(
        string kind, string? specJson, string? name = null, Guid? projectId = null, Guid? experimentId = null,
        CancellationToken ct = default) =>
        SubmitAsync(Guid.NewGuid(), kind, specJson, name, projectId, experimentId, ct);

    /// <summary>
    /// Submits a job under a given id (a workflow's child); if a job with that id exists it is returned unchanged,
    /// so submitting a child again after a restart does not run it twice.
    /// </summary>
    internal async Task<JobRecord> SubmitAsync(
        Guid id, string kind, string? specJson, string? name, Guid? projectId, Guid? experimentId, CancellationToken ct)
    {
        if (await jobs.GetAsync(id, ct) is { } existing)
            return existing;
        var (spec, json) = catalog.Parse(kind, specJson);
        if (spec is IReferencesModels)
        {
            await models.ResolveAsync(kind, spec, ct);
            json = catalog.Serialize(spec);
        }
        if (spec is IReferencesArtifacts)
        {
            await artifactReferences.ResolveAsync(kind, spec, ct);
            json = catalog.Serialize(spec);
        }
        if (experimentId is { } e)
        {
            var experiment = await projects.GetExperimentAsync(e, ct)
                ?? throw new KeyNotFoundException($"experiment {e} does not exist");
            if (projectId is { } p && p != experiment.ProjectId)
                throw new ArgumentException($"experiment {e} belongs to project {experiment.ProjectId}, not {p}");
            projectId = experiment.ProjectId;
        }
        else if (projectId is { } p && await projects.GetAsync(p, ct) is null)
        {
            throw new KeyNotFoundException($"project {p} does not exist");
        }
        var job = await jobs.InsertAsync(id, kind, json, name ?? "", projectId, experimentId, ct);
        await SendAsync(job, resume: true, ct);
        notifier.Notify(new JobChanged(job.Id, job.State, "Submitted"));
        return job;
    }

    /// <summary>Cancels a job; returns its state after the call. Throws <see cref="KeyNotFoundException"/> for an unknown id.</summary>
    public async Task<JobState> CancelAsync(Guid jobId, CancellationToken ct = default)
    {
        var state = await jobs.RequestCancelAsync(jobId, ct) ?? throw new KeyNotFoundException($"job {jobId} does not exist");
        if (state is JobState.Running or JobState.Stalled or JobState.Canceled)
            await dispatcher.PublishCancelAsync(jobId, ct);
        notifier.Notify(new JobChanged(jobId, state, "CancelRequested"));
        workflowSignals.Notify(jobId);
        return state;
    }

    /// <summary>
    /// Queues a failed, canceled or stalled job again as a new attempt, from its last checkpoint when
    /// <paramref name="resume"/> (else from the start).
    /// </summary>
    public async Task<JobRecord> RetryAsync(Guid jobId, bool resume = true, CancellationToken ct = default)
    {
        var job = await jobs.GetAsync(jobId, ct) ?? throw new KeyNotFoundException($"job {jobId} does not exist");
        if (!await jobs.TryRequeueAsync(jobId, ct))
            throw new InvalidOperationException(
                $"job {jobId} is {job.State}; only failed, canceled or stalled jobs can be retried");
        job = (await jobs.GetAsync(jobId, ct))!;
        await SendAsync(job, resume, ct);
        notifier.Notify(new JobChanged(job.Id, job.State, "Retried"));
        return job;
    }

    internal async Task SendAsync(JobRecord job, bool resume, CancellationToken ct)
    {
        // A workflow runs in Lab itself: its engine submits the children; no worker consumes its kind.
        if (workflows.Contains(job.Kind))
        {
            workflowSignals.Watch(job.Id);
            workflowSignals.Notify(job.Id);
            return;
        }
        try
        {
            await dispatcher.SendAsync(new RunJob(job.Id, job.Kind, job.Spec, Guid.NewGuid(), resume, DateTimeOffset.UtcNow), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not queue job {JobId}", job.Id);
            await jobs.MarkFailedAsync(job.Id, $"could not queue the job: {e.Message}", CancellationToken.None);
            throw new InvalidOperationException($"job {job.Id} was recorded but could not be queued: {e.Message}", e);
        }
    }
}
