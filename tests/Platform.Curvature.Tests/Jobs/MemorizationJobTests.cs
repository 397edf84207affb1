using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Curvature;
using Platform.Contracts.Training;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;
using Platform.TestSupport;
using Platform.Training;
using Xunit.Abstractions;

namespace Platform.Curvature.Tests.Jobs;

/// <summary>Train with injected label noise → memorization job over its checkpoints, on real Fashion-MNIST.</summary>
[Collection("torch")]
public sealed class MemorizationJobTests(ITestOutputHelper output) : EmbeddedJobTest
{
    [Fact]
    public async Task InjectedMislabeledSamplesRankInTheTopCurvatureDecileFarAboveChance()
    {
        var train = await Submit(TrainingJobKinds.Train, new TrainSpec
        {
            Model = "lenet5", Epochs = 12, BatchSize = 50, Seed = 3, Threads = 2, TestSamples = 200, ModelName = "noisy",
            Subset = new SubsetSpec { Size = 800, Seed = 3 }, CheckpointEvery = 4,
            LabelNoise = new LabelNoiseSpec { Rate = 0.1, Seed = 3, ConflictingDuplicates = 20 },
            Optimizer = new OptimizerSpec { Name = "adam", Lr = 2e-3, WeightDecay = 0, Schedule = "constant" },
        });
        (await Wait(train.Id)).State.Should().Be(JobState.Succeeded);

        var job = await Submit(CurvatureJobKinds.Memorization, new MemorizationSpec
        {
            TrainingJobId = train.Id, Estimator = "fd_gradnorm", Directions = 3, TopK = 10, Threads = 2,
        });
        var done = await Wait(job.Id);

        done.State.Should().Be(JobState.Succeeded, done.Error);
        using var result = JsonDocument.Parse(done.Result!);
        output.WriteLine(done.Result);
        var mislabel = result.RootElement.GetProperty("mislabel");
        var byCurvature = mislabel.GetProperty("curvature");
        byCurvature.GetProperty("positives").GetInt32().Should().Be(80);
        byCurvature.GetProperty("topDecileFraction").GetDouble().Should().BeGreaterThanOrEqualTo(0.3, "3× the 10% chance");
        byCurvature.GetProperty("auroc").GetDouble().Should().BeGreaterThan(0.75);
        mislabel.GetProperty("csl").GetProperty("auroc").GetDouble().Should().BeGreaterThan(0.5);
        result.RootElement.GetProperty("duplicates").GetProperty("curvature").GetProperty("positives").GetInt32().Should().Be(20);
        result.RootElement.GetProperty("checkpoints").EnumerateArray().Select(e => e.GetInt32()).Should().Equal(4, 8, 12);

        var artifacts = await Lab.Services.GetRequiredService<ArtifactRepository>().ListByJobAsync(job.Id);
        artifacts.Select(a => a.Name).Should().Contain(["memorization.safetensors", "memorization.csv", "gallery.json", "gallery/001-index-" + TopIndex(artifacts) + ".png"]);
        artifacts.Count(a => a.MediaType == "image/png").Should().Be(10);
        using var gallery = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root.Path, artifacts.Single(a => a.Name == "gallery.json").StoragePath)));
        var top = gallery.RootElement.GetProperty("top").EnumerateArray().ToList();
        top.Should().HaveCount(10);
        top.Select(e => e.GetProperty("curvature").GetDouble()).Should().BeInDescendingOrder();
        top.Select(e => e.GetProperty("prediction").GetInt32()).Should().OnlyContain(p => p >= 0 && p < 10);
        top.Select(e => e.GetProperty("originalLabel").GetInt32()).Should().OnlyContain(l => l >= 0 && l < 10);
        File.ReadAllBytes(Path.Combine(Root.Path, artifacts.First(a => a.MediaType == "image/png").StoragePath))[1..4]
            .Should().Equal("PNG"u8.ToArray());
    }

    [Fact]
    public async Task AMemorizationJobOfARunningOrUnknownTrainingJobIsRefusedAtSubmit()
    {
        var unknown = () => Submit(CurvatureJobKinds.Memorization, new MemorizationSpec { TrainingJobId = Guid.NewGuid() });
        var badEstimator = () => Submit(CurvatureJobKinds.Memorization, new MemorizationSpec { TrainingJobId = Guid.NewGuid(), Estimator = "eig", TopK = 0 });

        (await unknown.Should().ThrowAsync<JobSpecException>()).WithMessage("*is not a job; give the id of a finished train job*");
        (await badEstimator.Should().ThrowAsync<JobSpecException>()).Which.Problems.Should().Contain(p => p.StartsWith("estimator 'eig' is unknown")).And.Contain(p => p.StartsWith("topK must be"));
        (await Lab.JobRows.ListAsync(new JobQuery { Kind = CurvatureJobKinds.Memorization })).Total.Should().Be(0);
    }

    private static string TopIndex(IEnumerable<ArtifactRecord> artifacts) =>
        artifacts.Single(a => a.Name.StartsWith("gallery/001-", StringComparison.Ordinal)).Name["gallery/001-index-".Length..^4];
}
