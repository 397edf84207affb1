using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Curvature;
using Platform.Contracts.Jobs;
using Platform.Contracts.Training;
using Platform.Messaging.Jobs;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;
using Platform.TestSupport;
using Platform.Torch.Serialization;
using Platform.Training;
using Xunit.Abstractions;

namespace Platform.Curvature.Tests.Jobs;

/// <summary>Train → register → score, end to end on the embedded platform with real Fashion-MNIST.</summary>
[Collection("torch")]
public sealed class ScoreJobTests(ITestOutputHelper output) : EmbeddedJobTest
{
    [Fact]
    public async Task AnOverfitModelHasLowerCurvatureOnItsTrainingSamplesThanOnHeldOutOnes()
    {
        var train = await Submit(TrainingJobKinds.Train, new TrainSpec
        {
            Model = "lenet5", Epochs = 15, BatchSize = 50, Seed = 2, Threads = 2, TestSamples = 500, ModelName = "overfit",
            Subset = new SubsetSpec { Indices = Enumerable.Range(0, 500).ToArray() }, CheckpointEvery = 15, RecordTrajectories = false,
            Optimizer = new OptimizerSpec { Name = "adam", Lr = 2e-3, WeightDecay = 0, Schedule = "constant" },
        });
        (await Wait(train.Id)).State.Should().Be(JobState.Succeeded);

        var members = await Score("train", [.. Enumerable.Range(0, 500)]);
        var heldOut = await Score("test", [.. Enumerable.Range(0, 500)]);

        var m = Column(members, "fd_gradnorm/original");
        var h = Column(heldOut, "fd_gradnorm/original");
        var auroc = Methods.Attacks.AttackMetrics.Compute([.. m.Concat(h).Select(x => -x)], [.. m.Select(_ => true), .. h.Select(_ => false)]).Auroc;
        output.WriteLine($"mean fd_gradnorm: members {m.Average():G4}, held-out {h.Average():G4}; AUROC of lower-is-member {auroc:F3}");
        m.Average().Should().BeLessThan(h.Average(), "an overfit model is flatter around the samples it memorized");
        auroc.Should().BeGreaterThan(0.55);
        Column(members, "fd_gradnorm/flipped").Should().HaveCount(500);
    }

    [Fact]
    public async Task ScoringAnUnknownModelOrBadEstimatorIsRefusedAtSubmit()
    {
        var unknown = () => Lab.Jobs.SubmitAsync(CurvatureJobKinds.Score, """{"model": {"name": "nope"}}""");
        var badEstimator = () => Lab.Jobs.SubmitAsync(CurvatureJobKinds.Score, """{"model": {"name": "x"}, "estimators": ["trace"]}""");

        (await unknown.Should().ThrowAsync<JobSpecException>()).WithMessage("*no model named 'nope' is registered*");
        (await badEstimator.Should().ThrowAsync<JobSpecException>()).WithMessage("*estimator 'trace' is unknown*");
        (await Lab.JobRows.ListAsync(new JobQuery { Kind = CurvatureJobKinds.Score })).Total.Should().Be(0);
    }

    private async Task<string> Score(string split, int[] indices)
    {
        var job = await Submit(CurvatureJobKinds.Score, new ScoreSpec
        {
            Model = new ModelReference { Name = "overfit" }, Split = split, Indices = indices, Estimators = ["fd_gradnorm"],
            Directions = 4, Views = ["original", "flipped"], Threads = 2,
        });
        var done = await Wait(job.Id);
        done.State.Should().Be(JobState.Succeeded, done.Error);
        var artifact = (await Lab.Services.GetRequiredService<ArtifactRepository>().ListByJobAsync(job.Id)).Single(a => a.Name == "scores.safetensors");
        return Path.Combine(Root.Path, artifact.StoragePath);
    }

    private static double[] Column(string path, string name) => SafeTensors.Load(path)[name].ToArray<double>();
}
