using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Training;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;
using Platform.TestSupport;
using Platform.Torch;
using Platform.Torch.Serialization;
using Platform.Vision.Datasets;

namespace Platform.Training.Tests.Training;

/// <summary>Training jobs end to end on the embedded platform (Lab, bus, worker) with real Fashion-MNIST.</summary>
[Collection("torch")]
public sealed class TrainingJobTests : IAsyncLifetime
{
    private readonly TempDirectory root = new();
    private LabHost lab = null!;

    public async Task InitializeAsync() => lab = await LabHost.StartAsync(root.Path, b => b.AddTraining());

    public async Task DisposeAsync()
    {
        await lab.DisposeAsync();
        root.Dispose();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task SmallCnnReachesEightyNinePercentOnFashionMnistInThreeEpochs()
    {
        var job = await SubmitAsync(TrainingJobKinds.Train, new TrainSpec
        {
            Model = "smallcnn", Epochs = 3, BatchSize = 128, Seed = 1, Threads = 2, ModelName = "fmnist-smallcnn",
            Optimizer = new OptimizerSpec { Name = "adam", Lr = 2e-3, WeightDecay = 0, Schedule = "cosine" },
        });

        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "training to finish", seconds: 900);

        done.State.Should().Be(JobState.Succeeded, done.Error);
        var accuracy = (await Metrics(job.Id, "test_accuracy")).Select(m => m.Value).ToList();
        accuracy.Should().HaveCount(3);
        accuracy[^1].Should().BeGreaterThanOrEqualTo(0.89);
        var registry = lab.Services.GetRequiredService<RegistryRepository>();
        (await registry.GetModelAsync("fmnist-smallcnn"))!.Version.Should().Be(3, "every epoch's checkpoint is a model version");
        var names = (await Artifacts(job.Id)).Select(a => a.Name).ToList();
        names.Should().Contain(["membership.json", "model-epoch-3.safetensors", "trajectories.safetensors", "trajectories.csv", "checkpoint"]);
        var trajectories = SafeTensors.Load(PathOf(job.Id, "trajectories.safetensors"));
        trajectories["train.loss"].Shape.Should().Equal(60000, 3);
    }

    [Fact]
    public async Task AShadowSetTrainsEachModelOnExactlyItsMaskAndTheMasksAreBalanced()
    {
        var job = await SubmitAsync(TrainingJobKinds.ShadowSet, new ShadowSetSpec
        {
            Models = 4, PoolSize = 1000, MaskSeed = 3,
            Train = new TrainSpec { Model = "lenet5", Epochs = 1, BatchSize = 64, Threads = 2, TestSamples = 200 },
        });

        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "the shadow set to finish", seconds: 600);

        done.State.Should().Be(JobState.Succeeded, done.Error);
        var masks = SafeTensors.Load(PathOf(job.Id, "masks.safetensors"))["in"];
        masks.Shape.Should().Equal(4, 1000);
        var mask = masks.ToArray<byte>();
        for (var i = 0; i < 1000; i++)
            Enumerable.Range(0, 4).Sum(m => mask[m * 1000 + i]).Should().Be(2, $"sample {i} is IN for half the models");
        for (var m = 0; m < 4; m++)
        {
            var rows = SafeTensors.Load(PathOf(job.Id, $"shadow-{m}/trajectories.safetensors"))["train.dataset_index"].ToArray<long>();
            var expected = Enumerable.Range(0, 1000).Where(i => mask[m * 1000 + i] == 1).Select(i => (long)i);
            rows.Should().Equal(expected, $"shadow model {m} trained on exactly its IN samples");
        }
        var registry = lab.Services.GetRequiredService<RegistryRepository>();
        (await registry.ListModelsByJobAsync(job.Id)).Should().HaveCount(4);
    }

    [Fact]
    public async Task InjectedLabelNoiseRecordsExactlyTheChangedLabels()
    {
        var job = await SubmitAsync(TrainingJobKinds.Train, new TrainSpec
        {
            Model = "lenet5", Epochs = 1, BatchSize = 64, Threads = 2, TestSamples = 200,
            Subset = new SubsetSpec { Size = 2000, Seed = 5 },
            LabelNoise = new LabelNoiseSpec { Rate = 0.2, Kind = "symmetric", Seed = 9 },
        });

        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "training to finish", seconds: 600);

        done.State.Should().Be(JobState.Succeeded, done.Error);
        var original = BuiltinDatasets.Load("fashion-mnist", DatasetSplit.Train).Labels;
        var trajectories = SafeTensors.Load(PathOf(job.Id, "trajectories.safetensors"));
        var indices = trajectories["train.dataset_index"].ToArray<long>();
        var trained = trajectories["train.label"].ToArray<long>();
        var changed = indices.Where((d, i) => trained[i] != original[d]).Select(d => (int)d).Order().ToArray();
        using var membership = JsonDocument.Parse(File.ReadAllBytes(PathOf(job.Id, "membership.json")));
        var corrupted = membership.RootElement.GetProperty("corrupted").EnumerateArray().Select(e => e.GetInt32()).ToArray();

        changed.Should().HaveCount(400);
        corrupted.Should().Equal(changed);
    }

    [Fact]
    public async Task InvalidTrainingSpecsAreRefusedAtSubmit()
    {
        var jobs = lab.Jobs;
        var badModel = () => jobs.SubmitAsync(TrainingJobKinds.Train, """{"model": "resnet99"}""");
        var dpWithBatchNorm = () => jobs.SubmitAsync(TrainingJobKinds.Train, """{"privacy": {"noiseMultiplier": 1.0}}""");
        var shadowSubset = () => jobs.SubmitAsync(TrainingJobKinds.ShadowSet, """{"train": {"subset": {"size": 10}}}""");
        var badDataset = () => jobs.SubmitAsync(TrainingJobKinds.Train, """{"dataset": "imagenet-typo"}""");

        (await badModel.Should().ThrowAsync<JobSpecException>()).WithMessage("*model 'resnet99' is unknown; use one of mlp, lenet5, smallcnn*");
        (await dpWithBatchNorm.Should().ThrowAsync<JobSpecException>()).WithMessage("*needs norm=group*");
        (await shadowSubset.Should().ThrowAsync<JobSpecException>()).WithMessage("*train.subset must be empty*");
        (await badDataset.Should().ThrowAsync<JobSpecException>()).WithMessage("*dataset 'imagenet-typo' is unknown; use one of fashion-mnist, mnist*");
    }

    private Task<JobRecord> SubmitAsync<T>(string kind, T spec) =>
        lab.Jobs.SubmitAsync(kind, JsonSerializer.Serialize(spec, JobSpecJson.Options));

    private Task<IReadOnlyList<MetricRecord>> Metrics(Guid jobId, string key) =>
        lab.Services.GetRequiredService<MetricRepository>().ListAsync(jobId, key);

    private Task<IReadOnlyList<ArtifactRecord>> Artifacts(Guid jobId) =>
        lab.Services.GetRequiredService<ArtifactRepository>().ListByJobAsync(jobId);

    private string PathOf(Guid jobId, string name)
    {
        var artifact = Artifacts(jobId).GetAwaiter().GetResult().Single(a => a.Name == name);
        return Path.Combine(root.Path, artifact.StoragePath);
    }
}
