using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Platform.Dashboard.Lab;
using Platform.Dashboard.Model;
using Platform.Lab.V1;

namespace Platform.Dashboard.Endpoints;

/// <summary>
/// <c>GET /export/jobs.csv?kind=&amp;state=&amp;project=&amp;experiment=</c>: every matching job with its parameters' source
/// (spec JSON) and the last/min/max of each metric, written page by page as Lab returns them.
/// </summary>
public static class JobsCsv
{
    private const int PageSize = 500;

    public static async Task Serve(HttpContext http, LabClient lab, string? kind, string? state, string? project, string? experiment)
    {
        var ct = http.RequestAborted;
        var request = new ListJobsRequest { Kind = kind ?? "", ProjectId = project ?? "", ExperimentId = experiment ?? "", PageSize = PageSize };
        if (!string.IsNullOrEmpty(state))
        {
            if (JobText.ParseState(state) is not { } parsed)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await http.Response.WriteAsync($"state '{state}' is not a job state; use one of {string.Join(", ", JobText.States.Select(JobText.StateName))}", ct);
                return;
            }
            request.States.Add(parsed);
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"jobs.csv\"";
        await http.Response.WriteAsync("id,name,kind,state,project_id,experiment_id,attempt,worker,device,created,started,finished,metrics,spec\n", ct);
        do
        {
            var page = await lab.Jobs.ListJobs(request, new Platform.Rpc.CallContext().WithCancellation(ct));
            var summaries = new SummarizeMetricsRequest();
            summaries.JobIds.AddRange(page.Jobs.Select(j => j.Id));
            var metrics = page.Jobs.Count == 0
                ? Array.Empty<MetricSummary>().ToLookup(s => s.JobId)
                : (await lab.Metrics.SummarizeMetrics(summaries, new Platform.Rpc.CallContext().WithCancellation(ct))).Summaries.ToLookup(s => s.JobId);
            var text = new StringBuilder();
            foreach (var job in page.Jobs)
                text.AppendLine(Row(job, metrics[job.Id]));
            await http.Response.WriteAsync(text.ToString(), ct);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
    }

    /// <summary>One CSV line; metrics as <c>key=last [min..max]</c> pairs separated by semicolons.</summary>
    public static string Row(Job job, IEnumerable<MetricSummary> metrics)
    {
        var summary = string.Join("; ", metrics.OrderBy(m => m.Key).Select(m =>
            string.Create(CultureInfo.InvariantCulture, $"{m.Key}={m.Last:G6} [{m.Min:G6}..{m.Max:G6}]")));
        string[] cells =
        [
            job.Id, job.Name, job.Kind, JobText.StateName(job.State), job.ProjectId, job.ExperimentId,
            job.Attempt.ToString(CultureInfo.InvariantCulture), job.Worker, job.Device,
            JobText.Time(job.CreateTime), JobText.Time(job.StartTime), JobText.Time(job.FinishTime), summary, job.SpecJson,
        ];
        return string.Join(',', cells.Select(Escape));
    }

    public static string Escape(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
