using System.Text.RegularExpressions;
using Platform.Dashboard.Components.Jobs;

namespace Platform.Dashboard.Tests.Components;

public sealed class JobsTableTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-01-02T03:10:00Z");

    [Fact]
    public async Task RendersOneRowPerJobWithStateProgressAndEta()
    {
        var running = JobFactory.Make("aaaaaaaa-0000-0000-0000-000000000001", JobState.Running, 25, 100, "epoch 1/4", Now.AddSeconds(-60));
        var failed = JobFactory.Make("bbbbbbbb-0000-0000-0000-000000000002", JobState.Failed);
        var html = await ComponentRenderer.RenderAsync<JobsTable>(new Dictionary<string, object?>
        {
            ["Jobs"] = new List<Job> { running, failed },
            ["Now"] = Now,
        });

        Regex.Matches(html, "<tr data-job-id=").Count.Should().Be(2);
        html.Should().Contain("data-state=\"running\"").And.Contain("data-state=\"failed\"");
        html.Should().Contain("data-percent=\"25\"").And.Contain("epoch 1/4");
        // 60 s for a quarter: 180 s left.
        html.Should().Contain("<td data-eta>3m 00s</td>");
        html.Should().Contain("href=\"jobs/aaaaaaaa-0000-0000-0000-000000000001\"");
        html.Should().Contain("worker-a");
    }

    [Fact]
    public async Task OffersCancelForLiveJobsAndRetryForEndedOnes()
    {
        var queued = JobFactory.Make("cccccccc-0000-0000-0000-000000000003", JobState.Queued);
        var canceled = JobFactory.Make("dddddddd-0000-0000-0000-000000000004", JobState.Canceled);
        var succeeded = JobFactory.Make("eeeeeeee-0000-0000-0000-000000000005", JobState.Succeeded, 3, 10);
        var html = await ComponentRenderer.RenderAsync<JobsTable>(new Dictionary<string, object?>
        {
            ["Jobs"] = new List<Job> { queued, canceled, succeeded },
            ["Now"] = Now,
        });

        var rows = Regex.Split(html, "<tr data-job-id=").Skip(1).ToList();
        rows.Should().HaveCount(3);
        rows[0].Should().Contain("cancel-job").And.NotContain("retry-job");
        rows[1].Should().Contain("retry-job").And.NotContain("cancel-job");
        rows[2].Should().NotContain("retry-job").And.NotContain("cancel-job");
        // A succeeded job is complete whatever its last report said.
        rows[2].Should().Contain("data-percent=\"100\"");
    }

    [Fact]
    public async Task SaysSoWhenNoJobMatches()
    {
        var html = await ComponentRenderer.RenderAsync<JobsTable>(new Dictionary<string, object?> { ["Jobs"] = new List<Job>() });
        html.Should().Contain("No jobs match.");
    }

    [Fact]
    public async Task SaysLoadingRatherThanNoJobsBeforeTheFirstAnswer()
    {
        var html = await ComponentRenderer.RenderAsync<JobsTable>(
            new Dictionary<string, object?> { ["Jobs"] = new List<Job>(), ["Loading"] = true });
        html.Should().Contain("Loading…").And.NotContain("No jobs match.");
    }
}
