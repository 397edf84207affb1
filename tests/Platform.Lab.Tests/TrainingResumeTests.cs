using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Training;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;
using Platform.TestSupport;

namespace Platform.Lab.Tests;

/// <summary>
/// A real training job (LeNet-5 on real Fashion-MNIST) on worker processes over a real RabbitMQ broker: the worker
/// running it is killed with SIGKILL after a checkpoint, another worker resumes it, and the result matches an
/// uninterrupted run with the same seed.
/// </summary>
public sealed class TrainingResumeTests : RabbitMqLabTest
{
    private static readonly TrainSpec Spec = new()
    {
        Model = "lenet5", Epochs = 5, BatchSize = 64, Seed = 11, Threads = 1, TestSamples = 2000,
        Subset = new SubsetSpec { Size = 4000, Seed = 3 }, CheckpointEvery = 1,
        Optimizer = new OptimizerSpec { Name = "sgd", Lr = 0.05, Momentum = 0.9, Schedule = "cosine" },
    };

    protected override int ProgressIntervalMilliseconds => 200;

    [RequiresRabbitMqFact]
    public async Task ATrainJobWhoseWorkerIsKilledResumesFromItsCheckpointToTheSameAccuracy()
    {
        var pool = new Dictionary<string, WorkerProcess>
        {
            ["worker-a"] = await StartWorkerAsync("worker-a"),
            ["worker-b"] = await StartWorkerAsync("worker-b"),
        };
        var spec = JsonSerializer.Serialize(Spec, JobSpecJson.Options);
        var job = await Lab.Jobs.SubmitAsync(TrainingJobKinds.Train, spec);
        await Eventually.WaitAsync(() => Accuracy(job.Id), a => a.Count >= 2, TimeSpan.FromSeconds(90), "two epochs (and their checkpoints)");
        var victim = (await Lab.Services.GetRequiredService<JobRepository>().GetAsync(job.Id))!.Worker!;
        var survivor = pool.Keys.Single(k => k != victim);

        pool[victim].KillHard();
        var done = await Lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), $"the job to finish on {survivor}", seconds: 120);
        var reference = await Lab.Jobs.SubmitAsync(TrainingJobKinds.Train, spec);
        var uninterrupted = await Lab.WaitForAsync(reference.Id, j => j.State.IsTerminal(), "the uninterrupted run", seconds: 120);

        done.State.Should().Be(JobState.Succeeded, done.Error);
        done.Worker.Should().Be(survivor);
        done.Attempt.Should().Be(2, "the broker redelivered the killed worker's job");
        uninterrupted.State.Should().Be(JobState.Succeeded, uninterrupted.Error);
        var resumed = await Accuracy(job.Id);
        var straight = await Accuracy(reference.Id);
        resumed.Select(m => m.Step).Should().Equal([1, 2, 3, 4, 5], "every epoch recorded exactly once across both workers");
        straight.Select(m => m.Step).Should().Equal(1, 2, 3, 4, 5);
        resumed[^1].Value.Should().BeApproximately(straight[^1].Value, 0.005, "resuming from a checkpoint reaches the uninterrupted run's accuracy");
        resumed[^1].Value.Should().BeGreaterThan(0.7, "the run actually learned");
    }

    private Task<IReadOnlyList<MetricRecord>> Accuracy(Guid jobId) =>
        Lab.Services.GetRequiredService<MetricRepository>().ListAsync(jobId, "test_accuracy");
}
