using Platform.Lab.V1;
using Platform.Persistence.Repositories;
using Platform.Rpc;

namespace Platform.Lab.Api;

/// <summary><c>platform.lab.v1.MetricService</c> over <see cref="MetricRepository"/>.</summary>
public sealed class MetricApi(MetricRepository metrics, JobRepository jobs) : IMetricService
{
    private const int MaxJobsPerSummary = 500;

    /// <inheritdoc />
    public async Task<ListMetricsResponse> ListMetrics(ListMetricsRequest request, CallContext? context = null)
    {
        var ct = context?.CancellationToken ?? CancellationToken.None;
        var id = RpcErrors.RequireId(request.JobId, "job_id");
        _ = await jobs.GetAsync(id, ct) ?? throw RpcErrors.NotFound($"job {id} does not exist");
        var response = new ListMetricsResponse();
        var key = string.IsNullOrEmpty(request.Key) ? null : request.Key;
        response.Metrics.AddRange((await metrics.ListAsync(id, key, ct)).Select(m => m.ToProto()));
        return response;
    }

    /// <inheritdoc />
    public async Task<SummarizeMetricsResponse> SummarizeMetrics(SummarizeMetricsRequest request, CallContext? context = null)
    {
        if (request.JobIds.Count > MaxJobsPerSummary)
            throw RpcErrors.InvalidArgument($"at most {MaxJobsPerSummary} job_ids per call (got {request.JobIds.Count}); split the request", ("job_ids", "too many"));
        var ids = request.JobIds.Select((j, i) => RpcErrors.RequireId(j, $"job_ids[{i}]")).Distinct().ToList();
        var response = new SummarizeMetricsResponse();
        var summaries = await metrics.SummarizeAsync(ids, context?.CancellationToken ?? CancellationToken.None);
        response.Summaries.AddRange(summaries.Select(s => s.ToProto()));
        return response;
    }
}
