using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Platform.Dashboard.Tests.Browser;

[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardHost host, ITestOutputHelper log)
{
    // Records every change of the progress bar and of the loss chart's point count, with the browser's clock.
    private const string RecordLiveChanges = """
        () => {
          window.__sameDocument = true;
          window.__progress = [];
          window.__points = [];
          const record = () => {
            const p = document.querySelector('#job-summary [data-job-progress]');
            if (p) {
              const pct = p.getAttribute('data-percent');
              const last = window.__progress[window.__progress.length - 1];
              if (!last || last.pct !== pct)
                window.__progress.push({ pct: pct, at: Date.now(), update: Number(p.getAttribute('data-update-ms')) });
            }
            const c = document.querySelector('[data-chart="Loss"]');
            const n = c ? Number(c.getAttribute('data-points')) : 0;
            if (window.__points.length === 0 || window.__points[window.__points.length - 1] !== n)
              window.__points.push(n);
          };
          record();
          new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        }
        """;

    [Fact]
    public async Task JobsPageShowsTheNewestPageOfTenThousandJobsAtOnce()
    {
        var page = await host.NewPageAsync();
        var timings = new List<double>();
        for (var load = 0; load < 3; load++)
        {
            var clock = Stopwatch.StartNew();
            await page.GotoAsync(host.Url);
            await page.WaitForSelectorAsync("#jobs-table tr[data-job-id]");
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }
        var paint = await page.EvaluateAsync<double>(
            "() => (performance.getEntriesByName('first-contentful-paint')[0] || { startTime: -1 }).startTime");

        // The prerendered rows are replaced when the circuit connects; count them once the live page has its own.
        await DashboardHost.WaitInteractiveAsync(page);
        await page.WaitForSelectorAsync("#jobs-table tr[data-job-id]");
        (await page.Locator("#jobs-table tr[data-job-id]").CountAsync()).Should().Be(25);
        var total = long.Parse(Regex.Match(await page.InnerTextAsync("#jobs-total"), @"[\d,]+").Value.Replace(",", ""), CultureInfo.InvariantCulture);
        total.Should().BeGreaterThanOrEqualTo(DashboardHost.SeededJobs);
        await DashboardHost.WaitInteractiveAsync(page);
        await DashboardHost.ScreenshotAsync(page, "jobs-10000");

        // Server-side paging: the last page is one request away, with the oldest seeded job on it.
        var lastPage = (int)Math.Ceiling(total / 25.0);
        await page.GotoAsync(host.Url + $"?page={lastPage}");
        await DashboardHost.WaitInteractiveAsync(page);
        await page.WaitForSelectorAsync("#jobs-table tr[data-job-id]");
        (await page.InnerTextAsync("#jobs-table")).Should().Contain("seeded-00000");

        var line = $"jobs page with {total:N0} jobs: navigation to first table row {string.Join(" / ", timings.Select(t => $"{t:0} ms"))} " +
                   $"(cold, then warm); first contentful paint of the last load {paint:0} ms";
        log.WriteLine(line);
        DashboardHost.Record(line);
    }

    [Fact]
    public async Task TrainingJobSubmittedFromTheFormUpdatesItsProgressAndChartWithoutReload()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync(host.Url + "submit");
        await DashboardHost.WaitInteractiveAsync(page);
        await page.FillAsync("#name", "dashboard-e2e-train");
        await page.SelectOptionAsync("#model", "mlp");
        await SetAsync(page, "#epochs", "4");
        await SetAsync(page, "#batch-size", "64");
        await SetAsync(page, "#lr", "0.01");
        await SetAsync(page, "#subset-size", "3000");
        await SetAsync(page, "#test-samples", "500");
        await page.UncheckAsync("#trajectories");
        await page.ClickAsync("#submit-train");
        await page.WaitForURLAsync(new Regex("/jobs/[0-9a-f-]{36}$"));
        await page.WaitForSelectorAsync("#job-summary");
        await page.EvaluateAsync(RecordLiveChanges);

        var jobId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        try
        {
            await page.WaitForSelectorAsync("h1 [data-state='succeeded'], h1 [data-state='failed']", new PageWaitForSelectorOptions { Timeout = 180_000 });
        }
        catch (TimeoutException)
        {
            // Say where it stopped: the job as Lab has it, the page, and the host's log.
            var seen = (await host.Jobs.GetJob(new GetJobRequest { JobId = jobId })).Job;
            log.WriteLine($"job {jobId} in Lab: {seen.State}, attempt {seen.Attempt}, worker '{seen.Worker}', error '{seen.Error}'");
            log.WriteLine("page: " + await page.InnerTextAsync("body"));
            log.WriteLine("host log:\n" + host.Output);
            await DashboardHost.ScreenshotAsync(page, "train-job-timeout");
            throw;
        }
        await page.WaitForSelectorAsync("[data-chart='Loss'][data-points='8']", new PageWaitForSelectorOptions { Timeout = 10_000 });
        await DashboardHost.ScreenshotAsync(page, "train-job-detail");

        var job = (await host.Jobs.GetJob(new GetJobRequest { JobId = jobId })).Job;
        job.State.Should().Be(JobState.Succeeded, job.Error);
        (await page.EvaluateAsync<bool>("() => window.__sameDocument === true")).Should().BeTrue("the page must update without a reload");
        var progress = JsonSerializer.Deserialize<List<ProgressChange>>((await page.EvaluateAsync<JsonElement>("() => window.__progress")).GetRawText(),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var points = (await page.EvaluateAsync<int[]>("() => window.__points"));
        var percents = progress.Select(p => double.Parse(p.Pct, CultureInfo.InvariantCulture)).ToList();
        percents.Should().Contain(p => p > 0 && p < 100, "the bar moves while the job runs");
        percents.Should().BeInAscendingOrder().And.HaveCountGreaterThan(2);
        percents[^1].Should().Be(100);
        points.Should().BeInAscendingOrder().And.HaveCountGreaterThan(1, "the loss chart grows as epochs end");
        points[^1].Should().Be(8, "train and test loss for 4 epochs");
        (await page.InnerTextAsync("#spec-table")).Should().Contain("optimizer.lr").And.Contain("0.01");
        (await page.InnerTextAsync("#event-tail")).Should().Contain("MetricsLogged");

        // Artifacts stream from Lab through the dashboard's download endpoint, byte for byte.
        var artifacts = (await host.Artifacts.ListArtifacts(new ListArtifactsRequest { JobId = jobId })).Artifacts;
        artifacts.Should().NotBeEmpty();
        var link = page.Locator($"#artifact-table a[href='artifacts/{artifacts[0].Id}/download']");
        (await link.CountAsync()).Should().Be(1);
        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync(host.Url + $"artifacts/{artifacts[0].Id}/download");
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)).Should().Be(artifacts[0].Sha256);

        // From the worker's progress report (the time Lab recorded) to the DOM change in the browser.
        var latencies = progress.Where(p => p.Update > 0).Select(p => (double)(p.At - p.Update)).Order().ToList();
        var line = $"progress event to page: {latencies.Count} updates, median {latencies[latencies.Count / 2]:0} ms, " +
                   $"p90 {latencies[(int)(latencies.Count * 0.9)]:0} ms, max {latencies[^1]:0} ms; loss chart points seen {string.Join("→", points)}";
        log.WriteLine(line);
        DashboardHost.Record(line);
    }

    [Fact]
    public async Task CancelButtonStopsARunningJobAndTheRowShowsIt()
    {
        var submitted = await host.Jobs.SubmitJob(new SubmitJobRequest
        {
            Kind = "system.selftest", Name = "dashboard-e2e-cancel", SpecJson = """{"steps":600,"stepMilliseconds":100}""",
        });
        var page = await host.NewPageAsync();
        await page.GotoAsync(host.Url + "?kind=system.selftest");
        await DashboardHost.WaitInteractiveAsync(page);
        var row = page.Locator($"tr[data-job-id='{submitted.JobId}']");
        await row.Locator("[data-state='running']").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await row.Locator(".cancel-job").ClickAsync();
        await row.Locator("[data-state='canceled']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await DashboardHost.ScreenshotAsync(page, "jobs-after-cancel");

        (await host.Jobs.GetJob(new GetJobRequest { JobId = submitted.JobId })).Job.State.Should().Be(JobState.Canceled);
        (await row.Locator(".retry-job").CountAsync()).Should().Be(1, "a canceled job can be retried");
    }

    [Fact]
    public async Task InvalidTrainFormShowsWhatToFixAndSubmitsNothing()
    {
        var before = (await host.Jobs.ListJobs(new ListJobsRequest { PageSize = 1 })).TotalSize;
        var page = await host.NewPageAsync();
        await page.GotoAsync(host.Url + "submit");
        await DashboardHost.WaitInteractiveAsync(page);
        await SetAsync(page, "#epochs", "0");
        await SetAsync(page, "#lr", "-1");
        await page.ClickAsync("#submit-train");
        var problems = await page.WaitForSelectorAsync("#form-problems");
        var text = await problems!.InnerTextAsync();
        await DashboardHost.ScreenshotAsync(page, "submit-invalid");

        text.Should().Contain("epochs must be between 1 and 10000 (got 0)").And.Contain("optimizer.lr must be in (0, 10]");
        page.Url.Should().EndWith("/submit");
        (await host.Jobs.ListJobs(new ListJobsRequest { PageSize = 1 })).TotalSize.Should().Be(before, "nothing is sent");
    }

    private static async Task SetAsync(IPage page, string selector, string value)
    {
        await page.FillAsync(selector, value);
        await page.PressAsync(selector, "Tab");
    }

    private sealed record ProgressChange(string Pct, long At, long Update);
}
