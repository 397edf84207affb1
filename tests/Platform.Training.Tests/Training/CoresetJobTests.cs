using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Jobs;
using Platform.Contracts.Training;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;
using Platform.TestSupport;
using Platform.Torch.Serialization;
using Platform.Training.Methods.Coresets;

namespace Platform.Training.Tests.Training;

/// <summary>Coreset jobs end to end on the embedded platform with real Fashion-MNIST (small pools, so they run in seconds).</summary>
[Collection("torch")]
public sealed class CoresetJobTests : IAsyncLifetime
{
    private static readonly TrainSpec Small = new()
    {
        Model = "lenet5", Epochs = 1, BatchSize = 32, Threads = 2, TestSamples = 300, Seed = 4,
        Optimizer = new OptimizerSpec { Name = "adam", Lr = 2e-3, WeightDecay = 0 },
    };

    private readonly TempDirectory root = new();
    private LabHost lab = null!;

    public async Task InitializeAsync() => lab = await LabHost.StartAsync(root.Path, b => b.AddTraining());

    public async Task DisposeAsync()
    {
        await lab.DisposeAsync();
        root.Dispose();
    }

    [Fact]
    public async Task ACoresetJobTrainsItsSourceRunThenEveryMethodAndRandomForEachSeed()
    {
        var job = await SubmitAsync(TrainingJobKinds.Coreset, new CoresetSpec
        {
            Train = Small with { Subset = new SubsetSpec { Size = 1500, Seed = 2 } },
            SourceEpochs = 3, Fraction = 0.1, Methods = ["ltc", "csl"], Seeds = 2,
        });

        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "the coreset job to finish", seconds: 600);

        done.State.Should().Be(JobState.Succeeded, done.Error);
        var source = SafeTensors.Load(PathOf(job.Id, "source/trajectories.safetensors"));
        source["train.loss"].Shape[1].Should().Be(3);
        (source["train.loss"].Shape[0] + source["val.loss"].Shape[0]).Should().Be(1500, "the pool is split into training and validation");
        source["val.loss"].Shape[0].Should().BeCloseTo(150, 5);
        var set = TrajectorySet.FromTensors(source);
        var ltc = Indices(job.Id, "coreset-ltc.json");
        ltc.Should().Equal(CoresetSelector.Select("ltc", set, 0.1), "the stored coreset is LTC's top 10% of every class");
        ltc.Should().HaveCount(set.QuotaPerClass(0.1).Values.Sum());
        ltc.Should().BeSubsetOf(set.TrainIndices, "a coreset is chosen from the source run's training samples, not its validation");
        Indices(job.Id, "coreset-csl.json").Should().Equal(CoresetSelector.Select("csl", set, 0.1));
        foreach (var method in new[] { "ltc", "csl", "random" })
        {
            (await Metrics(job.Id, $"{method}_test_accuracy")).Select(m => m.Step).Should().Equal(0, 1);
            (await Metrics(job.Id, $"{method}_test_accuracy_mean")).Should().ContainSingle().Which.Value.Should().BeInRange(0.1, 1);
        }
        var csv = File.ReadAllLines(PathOf(job.Id, "coreset-report.csv"));
        csv.Should().HaveCount(7, "a header and 3 methods × 2 seeds");
        csv.Skip(1).Should().OnlyContain(line => line.Split(',', StringSplitOptions.None)[2] == ltc.Length.ToString());
        (await lab.Services.GetRequiredService<RegistryRepository>().ListModelsByJobAsync(job.Id)).Should().HaveCount(7, "the source and six subset models");
    }

    [Fact]
    public async Task ACoresetJobSelectsFromTheTrajectoriesOfAnEarlierTrainJob()
    {
        var train = await SubmitAsync(TrainingJobKinds.Train, Small with
        {
            Epochs = 3, Subset = new SubsetSpec { Size = 1000, Seed = 1 }, ValidationFraction = 0.2,
        });
        (await lab.WaitForAsync(train.Id, j => j.State.IsTerminal(), "the source run", seconds: 600)).State.Should().Be(JobState.Succeeded);

        var job = await SubmitAsync(TrainingJobKinds.Coreset, new CoresetSpec
        {
            Train = Small, Source = new ArtifactReference { JobId = train.Id, Name = "trajectories.safetensors" }, Fraction = 0.05, Seeds = 1,
        });
        var done = await lab.WaitForAsync(job.Id, j => j.State.IsTerminal(), "the coreset job to finish", seconds: 600);

        done.State.Should().Be(JobState.Succeeded, done.Error);
        done.Spec.Should().Contain((await Artifacts(train.Id)).Single(a => a.Name == "trajectories.safetensors").Sha256, "Lab pinned the source content");
        var set = TrajectorySet.FromTensors(SafeTensors.Load(PathOf(train.Id, "trajectories.safetensors")));
        Indices(job.Id, "coreset-ltc.json").Should().Equal(CoresetSelector.Select("ltc", set, 0.05));
        (await Artifacts(job.Id)).Select(a => a.Name).Should().NotContain("source/trajectories.safetensors");
    }

    [Fact]
    public async Task InvalidCoresetSpecsAndSourcesAreRefusedAtSubmit()
    {
        var jobs = lab.Jobs;
        var badMethod = () => jobs.SubmitAsync(TrainingJobKinds.Coreset, """{"methods": ["el2n"]}""");
        var shortSource = () => jobs.SubmitAsync(TrainingJobKinds.Coreset, """{"sourceEpochs": 2}""");
        var badFraction = () => jobs.SubmitAsync(TrainingJobKinds.Coreset, """{"fraction": 1.5}""");
        var badModel = () => jobs.SubmitAsync(TrainingJobKinds.Coreset, """{"train": {"model": "resnet99"}}""");
        var missingJob = () => jobs.SubmitAsync(TrainingJobKinds.Coreset,
            $"{{\"source\": {{\"jobId\": \"{Guid.NewGuid()}\", \"name\": \"trajectories.safetensors\"}}}}");
        // A job with no trajectories (no worker here runs self-tests; the job exists and has no such artifact).
        var selftest = await jobs.SubmitAsync(JobKinds.SelfTest, """{"steps": 1}""");
        var missingArtifact = () => jobs.SubmitAsync(TrainingJobKinds.Coreset,
            $"{{\"source\": {{\"jobId\": \"{selftest.Id}\", \"name\": \"trajectories.safetensors\"}}}}");

        (await badMethod.Should().ThrowAsync<JobSpecException>()).WithMessage("*method 'el2n' is unknown; use one or more of ltc, csl*");
        (await shortSource.Should().ThrowAsync<JobSpecException>()).WithMessage("*at least 3 epochs*");
        (await badFraction.Should().ThrowAsync<JobSpecException>()).WithMessage("*fraction must be in (0, 1)*");
        (await badModel.Should().ThrowAsync<JobSpecException>()).WithMessage("*train.model 'resnet99' is unknown*");
        (await missingJob.Should().ThrowAsync<JobSpecException>()).WithMessage("*job * does not exist*");
        (await missingArtifact.Should().ThrowAsync<JobSpecException>()).WithMessage("*has no artifact 'trajectories.safetensors'*");
    }

    private int[] Indices(Guid jobId, string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(PathOf(jobId, name)));
        return doc.RootElement.GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()).ToArray();
    }

    private Task<JobRecord> SubmitAsync<T>(string kind, T spec) =>
        lab.Jobs.SubmitAsync(kind, JsonSerializer.Serialize(spec, JobSpecJson.Options));

    private Task<IReadOnlyList<MetricRecord>> Metrics(Guid jobId, string key) =>
        lab.Services.GetRequiredService<MetricRepository>().ListAsync(jobId, key);

    private Task<IReadOnlyList<ArtifactRecord>> Artifacts(Guid jobId) =>
        lab.Services.GetRequiredService<ArtifactRepository>().ListByJobAsync(jobId);

    private string PathOf(Guid jobId, string name) =>
        Path.Combine(root.Path, Artifacts(jobId).GetAwaiter().GetResult().Single(a => a.Name == name).StoragePath);
}
