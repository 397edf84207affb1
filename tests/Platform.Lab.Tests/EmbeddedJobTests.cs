using System.Diagnostics;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Jobs;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;
using Platform.TestSupport;

namespace Platform.Lab.Tests;

/// <summary>Lab and a worker in one process on the in-memory bus and SQLite: the embedded default.</summary>
public sealed class EmbeddedJobTests : IAsyncLifetime
{
    private readonly TempDirectory root = new();
    private LabHost lab = null!;

    public async Task InitializeAsync() => lab = await LabHost.StartAsync(root.Path, withWorker: true);

    public async Task DisposeAsync()
    {
        await lab.DisposeAsync();
        root.Dispose();
    }

    [Fact]
    public async Task ASubmittedJobSucceedsWithProgressMetricsAndArtifactRecorded()
    {
        var job = await lab.Jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": 6, "stepMilliseconds": 20, "checkpointEvery": 2}""", "smoke");

        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "the job to finish");

        done.State.Should().Be(JobState.Succeeded, done.Error);
        done.Attempt.Should().Be(1);
        done.ProgressValue.Should().Be(6);
        done.ProgressLimit.Should().Be(6);
        JsonDocument.Parse(done.Result!).RootElement.GetProperty("steps").GetInt32().Should().Be(6);
        var metrics = await lab.Services.GetRequiredService<MetricRepository>().ListAsync(job.Id, "value");
        metrics.Select(m => (m.Step, m.Value)).Should().Equal(Enumerable.Range(1, 6).Select(i => ((long)i, (double)(i * i))));
        var artifacts = await lab.Services.GetRequiredService<ArtifactRepository>().ListByJobAsync(job.Id);
        artifacts.Select(a => a.Name).Should().Equal("checkpoint", "report.txt");
        var report = artifacts.Single(a => a.Name == "report.txt");
        File.ReadAllText(Path.Combine(root.Path, report.StoragePath)).Should().StartWith("self-test: 6 steps on cpu");
    }

    [Fact]
    public async Task UnknownKindsAndInvalidSpecsAreRefusedAtSubmitAndNothingIsWritten()
    {
        var unknown = () => lab.Jobs.SubmitAsync("train.typo", "{}");
        var badValue = () => lab.Jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": 0}""");
        var badField = () => lab.Jobs.SubmitAsync(JobKinds.SelfTest, """{"stepz": 3}""");
        var badJson = () => lab.Jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": "many"}""");

        (await unknown.Should().ThrowAsync<JobSpecException>()).WithMessage("*unknown job kind 'train.typo'; known kinds: *system.selftest*");
        (await badValue.Should().ThrowAsync<JobSpecException>()).WithMessage("*steps must be between 1 and 1000000 (got 0)*");
        (await badField.Should().ThrowAsync<JobSpecException>()).WithMessage("*unknown field*stepz*fields of this kind: steps, stepMilliseconds*");
        (await badJson.Should().ThrowAsync<JobSpecException>()).WithMessage("*invalid value at $.steps*");
        (await lab.JobRows.ListAsync(new JobQuery())).Total.Should().Be(0);
    }

    [Fact]
    public async Task AHandlerThatThrowsEndsFailedWithItsMessage()
    {
        var job = await lab.Jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": 5, "stepMilliseconds": 10, "failAtStep": 3}""");

        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "the job to fail");

        done.State.Should().Be(JobState.Failed);
        done.Error.Should().Be("self-test failed at step 3 as its spec asked (failAtStep=3)");
    }

    [Fact]
    public async Task CancelingARunningJobIsObservedWithinTwoSeconds()
    {
        var job = await lab.Jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": 1000, "stepMilliseconds": 50}""");
        await lab.WaitForAsync(job.Id, j => j.ProgressValue >= 2, "the job to make progress");

        var clock = Stopwatch.StartNew();
        (await lab.Jobs.CancelAsync(job.Id)).Should().Be(JobState.Running);
        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "the job to stop", seconds: 5);
        clock.Stop();

        done.State.Should().Be(JobState.Canceled);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        done.ProgressValue.Should().BeLessThan(1000);
    }

    [Fact]
    public async Task CancelingAQueuedJobEndsItBeforeItRuns()
    {
        var blocker = await lab.Jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": 200, "stepMilliseconds": 20}""");
        var queued = await lab.Jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": 3, "stepMilliseconds": 10}""");
        await lab.WaitForAsync(blocker.Id, j => j.State == JobState.Running, "the first job to run");

        (await lab.Jobs.CancelAsync(queued.Id)).Should().Be(JobState.Canceled);
        await lab.Jobs.CancelAsync(blocker.Id);
        await lab.WaitForAsync(blocker.Id, j => j.State.IsTerminal(), "the first job to stop");
        await Task.Delay(500);

        var row = (await lab.JobRows.GetAsync(queued.Id))!;
        row.State.Should().Be(JobState.Canceled);
        row.Attempt.Should().Be(0, "no run of it was ever recorded");
    }

    [Fact]
    public async Task RetryingAFailedJobStartsANewAttemptFromItsCheckpoint()
    {
        var job = await lab.Jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": 6, "stepMilliseconds": 10, "checkpointEvery": 2, "failAtStep": 5}""");
        await lab.WaitForAsync(job.Id, j => j.State == JobState.Failed, "the first attempt to fail");

        var retryRunning = () => lab.Jobs.RetryAsync(Guid.NewGuid());
        await retryRunning.Should().ThrowAsync<KeyNotFoundException>();
        await lab.Jobs.RetryAsync(job.Id);
        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal() && j.Attempt == 2, "the retry to end");

        done.State.Should().Be(JobState.Failed, "the spec still fails at step 5");
        var metrics = await lab.Services.GetRequiredService<MetricRepository>().ListAsync(job.Id, "value");
        metrics.Select(m => m.Step).Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public async Task RetryingAJobThatIsNotFinishedIsRefused()
    {
        var job = await lab.Jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": 100, "stepMilliseconds": 20}""");
        await lab.WaitForAsync(job.Id, j => j.State == JobState.Running, "the job to run");

        var act = () => lab.Jobs.RetryAsync(job.Id);

        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*is Running; only failed, canceled or stalled*");
        await lab.Jobs.CancelAsync(job.Id);
    }
}
