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
public sealed class TrainingResumeTests : IAsyncLifetime
{
    private static readonly TrainSpec Spec = new()
    {
        Model = "lenet5", Epochs = 5, BatchSize = 64, Seed = 11, Threads = 1, TestSamples = 2000,
        Subset = new SubsetSpec { Size = 4000, Seed = 3 }, CheckpointEvery = 1,
        Optimizer = new OptimizerSpec { Name = "sgd", Lr = 0.05, Momentum = 0.9, Schedule = "cosine" },
    };

    private readonly TempDirectory root = new();
    private readonly string prefix = "t" + Guid.NewGuid().ToString("N")[..8] + "-";
    private readonly List<WorkerProcess> workers = [];
    private LabHost lab = null!;

    private static string Broker => TestEnvironment.Require(TestEnvironment.RabbitMq, "PLATFORM_TEST_RABBITMQ");

    public async Task InitializeAsync()
    {
        if (TestEnvironment.RabbitMq is null && !TestEnvironment.ServicesRequired)
            return;
        lab = await LabHost.StartAsync(root.Path, withWorker: false, new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "RabbitMQ",
            ["Messaging:RabbitMq:Uri"] = Broker,
            ["Messaging:QueuePrefix"] = prefix,
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var w in workers)
            w.Dispose();
        if (lab is not null)
            await lab.DisposeAsync();
        root.Dispose();
    }

    [RequiresRabbitMqFact]
    public async Task ATrainJobWhoseWorkerIsKilledResumesFromItsCheckpointToTheSameAccuracy()
    {
        var pool = new Dictionary<string, WorkerProcess>
        {
            ["worker-a"] = await StartWorkerAsync("worker-a"),
            ["worker-b"] = await StartWorkerAsync("worker-b"),
        };
        var spec = JsonSerializer.Serialize(Spec, JobSpecJson.Options);
        var job = await lab.Jobs.SubmitAsync(TrainingJobKinds.Train, spec);
        await Eventually.WaitAsync(() => Accuracy(job.Id), a => a.Count >= 2, TimeSpan.FromSeconds(90), "two epochs (and their checkpoints)");
        var victim = (await lab.Services.GetRequiredService<JobRepository>().GetAsync(job.Id))!.Worker!;
        var survivor = pool.Keys.Single(k => k != victim);

        pool[victim].KillHard();
        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), $"the job to finish on {survivor}", seconds: 120);
        var reference = await lab.Jobs.SubmitAsync(TrainingJobKinds.Train, spec);
        var uninterrupted = await lab.WaitForAsync(reference.Id, j => j.State.IsTerminal(), "the uninterrupted run", seconds: 120);

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
        lab.Services.GetRequiredService<MetricRepository>().ListAsync(jobId, "test_accuracy");

    private async Task<WorkerProcess> StartWorkerAsync(string id)
    {
        var worker = WorkerProcess.Start(
            "--Platform:Roles=worker", "--Messaging:Transport=RabbitMQ", $"--Messaging:RabbitMq:Uri={Broker}",
            $"--Messaging:QueuePrefix={prefix}", $"--Platform:DataRoot={root.Path}", $"--Worker:Id={id}",
            "--Worker:HeartbeatSeconds=0.5", "--Worker:ProgressIntervalMilliseconds=200");
        workers.Add(worker);
        var repository = lab.Services.GetRequiredService<WorkerRepository>();
        try
        {
            await Eventually.WaitAsync(() => repository.ListAsync(DateTimeOffset.UtcNow.AddMinutes(-1)),
                rows => rows.Any(r => r.Id == id), TimeSpan.FromSeconds(30), $"{id} to send a heartbeat");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\n" + worker.Output, e);
        }
        return worker;
    }
}
