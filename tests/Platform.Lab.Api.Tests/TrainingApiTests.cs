using Platform.Lab.Api.Tests.Infrastructure;
using Platform.Training.V1;
using Platform.Vision.Datasets;

namespace Platform.Lab.Api.Tests;

/// <summary>
/// <c>platform.training.v1.TrainingService</c> over a real Kestrel port with our client: typed submission returns a
/// job id at once, and a trained model's trajectories, membership and corrupted labels read back exactly.
/// </summary>
public sealed class TrainingApiTests(TrainingApiServer server) : IClassFixture<TrainingApiServer>
{
    private readonly TrainingServiceClient training = new(server.Channel);

    [Fact]
    public async Task ATypedTrainJobsRecordsReadBackByModel()
    {
        var submitted = await training.SubmitTrain(new SubmitTrainRequest
        {
            Config = new TrainConfig
            {
                Model = "lenet5", Epochs = 3, BatchSize = 32, Threads = 2, TestSamples = 200, ValidationFraction = 0.1,
                ModelName = "api-lenet", Subset = new Subset { Size = 600, Seed = 1 },
                LabelNoise = new LabelNoise { Rate = 0.2, Seed = 3 },
                Optimizer = new OptimizerConfig { Name = "adam", Lr = 2e-3, WeightDecay = 0 },
            },
            Placement = new JobPlacement { Name = "typed" },
        });
        var end = (await server.Jobs.WatchToEndAsync(submitted.JobId, seconds: 300))[^1].Result.Job;
        end.State.Should().Be(JobState.Succeeded, end.Error);
        end.Kind.Should().Be("train");
        var model = new ModelSelector { Name = "api-lenet" };

        var membership = await training.GetMembership(new GetMembershipRequest { Model = model });
        var rows = new List<LossTrajectory>();
        await foreach (var message in training.StreamLossTrajectories(new StreamLossTrajectoriesRequest { Model = model, RowsPerMessage = 100 }))
        {
            message.Epochs.Should().Be(3);
            message.Trajectories.Count.Should().BeLessThanOrEqualTo(100);
            rows.AddRange(message.Trajectories);
        }
        var validation = new List<LossTrajectory>();
        await foreach (var message in training.StreamLossTrajectories(new StreamLossTrajectoriesRequest { Model = model, Split = TrajectorySplit.Validation }))
            validation.AddRange(message.Trajectories);
        var corrupted = await training.GetCorruptedIndices(new GetCorruptedIndicesRequest { Model = model });

        membership.Dataset.Should().Be("fashion-mnist");
        membership.DatasetSize.Should().Be(60000);
        membership.Version.Should().Be(3, "one version per epoch; 0 asks for the latest");
        (membership.Members.Count + membership.Validation.Count).Should().Be(600);
        rows.Select(r => r.DatasetIndex).Should().Equal(membership.Members, "one trajectory per sample trained on");
        validation.Select(r => r.DatasetIndex).Should().Equal(membership.Validation);
        rows.Should().OnlyContain(r => r.Loss.Count == 3 && r.Correct.Length == 3 && r.Loss.All(l => l >= 0));
        var original = BuiltinDatasets.Load("fashion-mnist", DatasetSplit.Train).Labels;
        var changed = rows.Where(r => r.Label != original[r.DatasetIndex]).Select(r => r.DatasetIndex).Order();
        corrupted.Indices.Should().Equal(changed, "the recorded corrupted indices are exactly the labels that were changed");
        corrupted.Indices.Count.Should().Be((int)Math.Round(0.2 * membership.Members.Count));
    }

    [Fact]
    public async Task TypedShadowSetAndCoresetSubmissionsBecomeTheirJobKinds()
    {
        var shadows = await training.SubmitShadowSet(new SubmitShadowSetRequest
        {
            Models = 2, PoolSize = 100, Train = new TrainConfig { Model = "mlp", Epochs = 1, TestSamples = 50, Threads = 1 },
        });
        var coreset = await training.SubmitCoreset(new SubmitCoresetRequest
        {
            Train = new TrainConfig { Model = "mlp", Epochs = 3, TestSamples = 50, Subset = new Subset { Size = 300 }, Threads = 1 },
            Methods = { "ltc", "csl" }, Seeds = 1, Fraction = 0.2,
        });

        var shadowJob = (await server.Jobs.GetJob(new GetJobRequest { JobId = shadows.JobId })).Job;
        var coresetJob = (await server.Jobs.GetJob(new GetJobRequest { JobId = coreset.JobId })).Job;
        shadowJob.Kind.Should().Be("train.shadows");
        shadowJob.SpecJson.Should().Contain("\"models\":2").And.Contain("\"poolSize\":100").And.Contain("\"model\":\"mlp\"");
        coresetJob.Kind.Should().Be("train.coreset");
        coresetJob.SpecJson.Should().Contain("\"methods\":[\"ltc\",\"csl\"]").And.Contain("\"fraction\":0.2").And.Contain("\"validationFraction\":0.1");
        foreach (var id in new[] { shadows.JobId, coreset.JobId })
            (await server.Jobs.WatchToEndAsync(id, seconds: 300))[^1].Result.Job.State.Should().Be(JobState.Succeeded);
        var prefix = $"mlp-{shadows.JobId.Replace("-", "")[..8]}-shadow-";
        var first = await training.GetMembership(new GetMembershipRequest { Model = new ModelSelector { Name = prefix + "0" } });
        var second = await training.GetMembership(new GetMembershipRequest { Model = new ModelSelector { Name = prefix + "1" } });
        first.Members.Should().NotIntersectWith(second.Members, "with two shadow models every sample is IN for exactly one");
        first.Members.Concat(second.Members).Order().Should().Equal(Enumerable.Range(0, 100));
    }

    [Fact]
    public async Task InvalidRequestsAreInvalidArgumentSayingWhatToFix()
    {
        var badModel = () => training.SubmitTrain(new SubmitTrainRequest { Config = new TrainConfig { Model = "resnet99", Epochs = -1 } });
        var badSource = () => training.SubmitCoreset(new SubmitCoresetRequest { SourceJobId = "not-a-job" });
        var noModel = () => training.GetMembership(new GetMembershipRequest());
        var badRows = async () =>
        {
            await foreach (var _ in training.StreamLossTrajectories(new StreamLossTrajectoriesRequest { Model = new ModelSelector { Name = "x" }, RowsPerMessage = -1 }))
            {
            }
        };
        var unknownModel = () => training.GetCorruptedIndices(new GetCorruptedIndicesRequest { Model = new ModelSelector { Name = "no-such-model" } });

        var error = (await badModel.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.InvalidArgument);
        error.Status.Detail.Should().Contain("model 'resnet99' is unknown; use one of").And.Contain("epochs must be between 1 and 10000 (got -1)");
        (await badSource.Should().ThrowAsync<RpcException>()).Which.Status.Detail.Should().Contain("source_job_id 'not-a-job' is not a valid id");
        (await noModel.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.InvalidArgument);
        (await badRows.Should().ThrowAsync<RpcException>()).Which.Status.Detail.Should().Contain("rows_per_message must be between 1 and 65536");
        var missing = (await unknownModel.Should().ThrowAsync<RpcException>()).Which;
        missing.StatusCode.Should().Be(StatusCode.NotFound);
        missing.Status.Detail.Should().Contain("no model named 'no-such-model' is registered");
    }
}
