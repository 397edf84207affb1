using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;
using Platform.TestSupport;

namespace Platform.Lab.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task RestartingTheEmbeddedPlatformResumesUnfinishedJobsFromTheirCheckpoints()
    {
        using var root = new TempDirectory();
        Guid jobId;
        await using (var first = await LabHost.StartAsync(root.Path, withWorker: true))
        {
            jobId = (await first.Jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": 40, "stepMilliseconds": 25, "checkpointEvery": 5}""")).Id;
            await first.WaitForAsync(jobId, j => j.ProgressValue >= 12, "the job to pass a checkpoint");
        }

        await using var second = await LabHost.StartAsync(root.Path, withWorker: true);
        var done = await second.WaitForAsync(jobId, j => j.State.IsTerminal(), "the resumed job to finish");

        done.State.Should().Be(JobState.Succeeded, done.Error);
        done.Attempt.Should().Be(2);
        done.Result.Should().MatchRegex("\"resumedFrom\":(1[0-9]|[2-3][0-9])");
        var metrics = await second.Services.GetRequiredService<MetricRepository>().ListAsync(jobId, "value");
        metrics.Select(m => m.Step).Should().Equal(Enumerable.Range(1, 40).Select(i => (long)i), "every step is recorded exactly once");
    }
}
