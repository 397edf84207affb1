using System.Diagnostics;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;
using Platform.TestSupport;

namespace Platform.Lab.Tests;

/// <summary>
/// Lab in this process, workers as separate <c>Platform.Host</c> processes, a real RabbitMQ broker between
/// them. A queue prefix per test keeps tests from taking each other's jobs.
/// </summary>
public sealed class RabbitMqJobTests : RabbitMqLabTest
{
    [RequiresRabbitMqFact]
    public async Task AJobRunsOnAWorkerInAnotherProcessAndIsRecorded()
    {
        await StartWorkerAsync("worker-a");
        var job = await Lab.Jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": 8, "stepMilliseconds": 20, "checkpointEvery": 4}""");

        var done = await Lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "the job to finish");

        done.State.Should().Be(JobState.Succeeded, done.Error);
        done.Worker.Should().Be("worker-a");
        done.ProgressValue.Should().Be(8);
        (await Metrics(job.Id)).Select(m => m.Step).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8);
        (await Artifacts(job.Id)).Select(a => a.Name).Should().Equal("checkpoint", "report.txt");
    }

    [RequiresRabbitMqFact]
    public async Task AKilledWorkersJobIsRedeliveredAndResumedExactlyOnce()
    {
        // Both workers compete for the queue; whichever takes the job is killed, the other must resume it.
        var pool = new Dictionary<string, WorkerProcess>
        {
            ["worker-a"] = await StartWorkerAsync("worker-a"),
            ["worker-b"] = await StartWorkerAsync("worker-b"),
        };
        var job = await Lab.Jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": 60, "stepMilliseconds": 100, "checkpointEvery": 5}""");
        var running = await Lab.WaitForAsync(job.Id, j => j.Worker is not null && j.ProgressValue >= 12, "a worker to pass two checkpoints");
        var victim = running.Worker!;
        var survivor = pool.Keys.Single(k => k != victim);

        pool[victim].KillHard();
        var done = await Lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), $"the job to finish on {survivor}", seconds: 60);

        done.State.Should().Be(JobState.Succeeded, done.Error);
        done.Worker.Should().Be(survivor);
        done.Attempt.Should().Be(2);
        done.Result.Should().MatchRegex("\"resumedFrom\":([1-5][0-9])", "the survivor continued from a checkpoint of the killed worker");
        var metrics = await Metrics(job.Id);
        metrics.Select(m => m.Step).Should().Equal(Enumerable.Range(1, 60).Select(i => (long)i), "no step lost or doubled");
        metrics.Should().OnlyContain(m => m.Value == m.Step * m.Step);
        (await Artifacts(job.Id)).Select(a => a.Name).Should().Equal("checkpoint", "report.txt");
    }

    [RequiresRabbitMqFact]
    public async Task CancelingAJobOnAnotherProcessIsObservedWithinTwoSeconds()
    {
        await StartWorkerAsync("worker-a");
        var job = await Lab.Jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": 1000, "stepMilliseconds": 50}""");
        await Lab.WaitForAsync(job.Id, j => j.ProgressValue >= 2, "the job to make progress");

        var clock = Stopwatch.StartNew();
        await Lab.Jobs.CancelAsync(job.Id);
        var done = await Lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "the job to stop", seconds: 10);

        done.State.Should().Be(JobState.Canceled);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
    }

    private Task<IReadOnlyList<MetricRecord>> Metrics(Guid jobId) =>
        Lab.Services.GetRequiredService<MetricRepository>().ListAsync(jobId, "value");

    private Task<IReadOnlyList<ArtifactRecord>> Artifacts(Guid jobId) =>
        Lab.Services.GetRequiredService<ArtifactRepository>().ListByJobAsync(jobId);
}
