using System.Reflection;
using System.Text.Json;
using Platform.Lab.Jobs;
using Platform.Lab.Notifications;
using Platform.Lab.V1;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;
using Platform.Rpc;

namespace Platform.Lab.Api;

/// <summary><c>platform.lab.v1.JobService</c> over <see cref="Jobs.JobService"/>, the job rows and <see cref="JobNotifier"/>.</summary>
public sealed class JobApi(Jobs.JobService service, JobRepository jobs, JobNotifier notifier, JobKindCatalog catalog) : IJobService
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 1000;

    /// <inheritdoc />
    public async Task<SubmitJobResponse> SubmitJob(SubmitJobRequest request, CallContext? context = null)
    {
        if (string.IsNullOrWhiteSpace(request.Kind))
            throw RpcErrors.InvalidArgument($"kind is required; known kinds: {string.Join(", ", catalog.Kinds)}", ("kind", "required"));
        var projectId = RpcErrors.OptionalId(request.ProjectId, "project_id");
        var experimentId = RpcErrors.OptionalId(request.ExperimentId, "experiment_id");
        try
        {
            var job = await service.SubmitAsync(request.Kind, request.SpecJson, request.Name, projectId, experimentId, Token(context));
            return new SubmitJobResponse { JobId = job.Id.ToString(), Job = job.ToProto() };
        }
        catch (JobSpecException e)
        {
            throw RpcErrors.InvalidSpec(e);
        }
        catch (KeyNotFoundException e)
        {
            throw RpcErrors.NotFound(e.Message);
        }
        catch (ArgumentException e)
        {
            throw RpcErrors.InvalidArgument(e.Message, ("experiment_id", e.Message));
        }
        catch (InvalidOperationException e)
        {
            throw new RpcException(StatusCode.Unavailable, e.Message);
        }
    }

    /// <inheritdoc />
    public async Task<GetJobResponse> GetJob(GetJobRequest request, CallContext? context = null) =>
        new() { Job = (await GetRowAsync(request.JobId, context)).ToProto() };

    /// <inheritdoc />
    public async Task<ListJobsResponse> ListJobs(ListJobsRequest request, CallContext? context = null)
    {
        if (request.PageSize is < 0 or > MaxPageSize)
            throw RpcErrors.InvalidArgument($"page_size must be between 1 and {MaxPageSize} (0 = {DefaultPageSize}); got {request.PageSize}", ("page_size", "out of range"));
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        if (request.Offset < 0 || (request.Offset > 0 && request.PageToken.Length > 0))
            throw RpcErrors.InvalidArgument($"offset must be ≥ 0 and not given together with page_token; got offset {request.Offset}", ("offset", "negative or with page_token"));
        var offset = request.Offset > 0 ? request.Offset : PageToken.Decode(request.PageToken);
        var states = new List<Persistence.Records.JobState>();
        foreach (var state in request.States)
            states.Add(state.FromProto() ?? throw RpcErrors.InvalidArgument($"states contains {state}, which is not a job state", ("states", "unspecified or unknown state")));
        var page = await jobs.ListAsync(new JobQuery
        {
            ProjectId = RpcErrors.OptionalId(request.ProjectId, "project_id"),
            ExperimentId = RpcErrors.OptionalId(request.ExperimentId, "experiment_id"),
            Kind = string.IsNullOrEmpty(request.Kind) ? null : request.Kind,
            States = states,
            Offset = offset,
            Limit = size,
        }, Token(context));
        var response = new ListJobsResponse { TotalSize = page.Total };
        response.Jobs.AddRange(page.Items.Select(j => j.ToProto()));
        if (offset + page.Items.Count < page.Total)
            response.NextPageToken = PageToken.Encode(offset + page.Items.Count);
        return response;
    }

    /// <inheritdoc />
    public async Task<CancelJobResponse> CancelJob(CancelJobRequest request, CallContext? context = null)
    {
        var id = RpcErrors.RequireId(request.JobId, "job_id");
        try
        {
            await service.CancelAsync(id, Token(context));
        }
        catch (KeyNotFoundException e)
        {
            throw RpcErrors.NotFound(e.Message);
        }
        return new CancelJobResponse { Job = (await GetRowAsync(request.JobId, context)).ToProto() };
    }

    /// <inheritdoc />
    public async Task<RetryJobResponse> RetryJob(RetryJobRequest request, CallContext? context = null)
    {
        var id = RpcErrors.RequireId(request.JobId, "job_id");
        var job = await jobs.GetAsync(id, Token(context)) ?? throw RpcErrors.NotFound($"job {id} does not exist");
        if (job.State is not (Persistence.Records.JobState.Failed or Persistence.Records.JobState.Canceled or Persistence.Records.JobState.Stalled))
            throw RpcErrors.FailedPrecondition($"job {id} is {job.State}; only failed, canceled or stalled jobs can be retried (cancel it first)");
        try
        {
            return new RetryJobResponse { Job = (await service.RetryAsync(id, !request.FromScratch, Token(context))).ToProto() };
        }
        catch (InvalidOperationException e)
        {
            // Lost a race with another retry, or the command could not be queued.
            throw RpcErrors.FailedPrecondition(e.Message);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<WatchJobResponse> WatchJob(WatchJobRequest request, CallContext? context = null)
    {
        var id = RpcErrors.RequireId(request.JobId, "job_id");
        var ct = Token(context);
        // Subscribe before the first read so that no change between the read and the subscription is lost.
        using var changes = notifier.Subscribe(id);
        var job = await jobs.GetAsync(id, ct) ?? throw RpcErrors.NotFound($"job {id} does not exist");
        yield return new WatchJobResponse { Progress = job.ToSnapshot() };
        var last = job.ToSnapshot();
        while (!job.State.IsTerminal())
        {
            if (!await changes.Reader.WaitToReadAsync(ct))
                yield break;
            while (changes.Reader.TryRead(out _))
            {
            }
            job = await jobs.GetAsync(id, ct) ?? throw RpcErrors.NotFound($"job {id} was deleted while watched");
            var snapshot = job.ToSnapshot();
            if (!snapshot.Equals(last) && !job.State.IsTerminal())
                yield return new WatchJobResponse { Progress = snapshot };
            last = snapshot;
        }
        yield return new WatchJobResponse { Result = new JobResult { Job = job.ToProto() } };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<WatchJobsResponse> WatchJobs(WatchJobsRequest request, CallContext? context = null)
    {
        var ct = Token(context);
        using var changes = notifier.Subscribe();
        while (await changes.Reader.WaitToReadAsync(ct))
        {
            // Everything queued since the last read becomes one message per job, in the order jobs first changed.
            var pending = new Dictionary<Guid, List<string>>();
            var order = new List<Guid>();
            while (changes.Reader.TryRead(out var change))
            {
                if (!pending.TryGetValue(change.JobId, out var whats))
                {
                    pending[change.JobId] = whats = [];
                    order.Add(change.JobId);
                }
                if (whats.Count == 0 || whats[^1] != change.What)
                    whats.Add(change.What);
            }
            foreach (var id in order)
            {
                var job = await jobs.GetAsync(id, ct);
                if (job is null || (request.Kind.Length > 0 && job.Kind != request.Kind))
                    continue;
                var response = new WatchJobsResponse { Job = job.ToProto() };
                response.Changes.AddRange(pending[id]);
                yield return response;
            }
        }
    }

    /// <inheritdoc />
    public Task<ListJobKindsResponse> ListJobKinds(ListJobKindsRequest request, CallContext? context = null)
    {
        var response = new ListJobKindsResponse();
        foreach (var kind in catalog.Kinds)
        {
            var type = catalog.SpecTypeOf(kind);
            var entry = new JobKind { Kind = kind, DefaultSpecJson = DefaultSpecOf(kind) };
            entry.SpecFields.AddRange(type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)));
            response.Kinds.Add(entry);
        }
        return Task.FromResult(response);
    }

    private string DefaultSpecOf(string kind)
    {
        try
        {
            return catalog.Parse(kind, "{}").Json;
        }
        catch (JobSpecException)
        {
            // A kind with required fields has no valid all-defaults spec; its field names still guide the caller.
            return "";
        }
    }

    private async Task<JobRecord> GetRowAsync(string jobId, CallContext? context)
    {
        var id = RpcErrors.RequireId(jobId, "job_id");
        return await jobs.GetAsync(id, Token(context)) ?? throw RpcErrors.NotFound($"job {id} does not exist; list jobs with ListJobs");
    }

    private static CancellationToken Token(CallContext? context) => context?.CancellationToken ?? CancellationToken.None;
}
