using FluentAssertions;
using Google.Protobuf;
using Google.Rpc;
using Microsoft.Extensions.DependencyInjection;
using Platform.Curvature.V1;
using Platform.Persistence.Records;
using Platform.Persistence.Repositories;
using Platform.Rpc;

namespace Platform.Curvature.Tests.Api;

/// <summary><c>platform.curvature.v1.CurvatureService</c> over real gRPC: scores, and every kind of bad input refused with what to fix.</summary>
[Collection(CurvatureApiCollection.Name)]
public sealed class CurvatureApiTests(CurvatureApiServer server)
{
    private static readonly ModelSelector Model = new() { Named = new NamedModel { Name = CurvatureApiServer.ModelName } };

    [Fact]
    public async Task ScoresDatasetSamplesAndTheSameImagesSentInlineAlike()
    {
        var settings = new EstimatorSettings { Estimators = { "fd_gradnorm", "zo_mixed_abs" }, Directions = 3, Seed = 7 };
        var byIndex = await server.Curvature.ScoreSamples(new ScoreSamplesRequest
        {
            Model = Model, Dataset = new DatasetSamples { Split = "train", Indices = { 0, 1, 2, 3 } }, Settings = settings,
        });
        var pixels = Platform.Vision.Datasets.BuiltinDatasets.Load("fashion-mnist", Platform.Vision.Datasets.DatasetSplit.Train);
        using var scope = Torch.Torch.NewDisposeScope();
        var images = pixels.GetImages([0, 1, 2, 3]).ToArray<float>();
        var inline = await server.Curvature.ScoreSamples(new ScoreSamplesRequest
        {
            Model = new ModelSelector { Sha256 = server.ModelSha256 },
            Images = new InlineImages { Data = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(images.AsSpan())), Shape = { 4, 1, 28, 28 }, Labels = { pixels.Labels[..4] } },
            // Directions are drawn per row key: inline rows are keyed 0..N-1, the same keys as dataset indices 0..3.
            Settings = settings,
        });

        byIndex.ModelVersion.Should().Be(1);
        byIndex.ModelSha256.Should().Be(server.ModelSha256);
        byIndex.Indices.Should().Equal(0, 1, 2, 3);
        var fd = byIndex.Columns.Single(c => c.Name == "fd_gradnorm/original").Values;
        fd.Should().HaveCount(4).And.OnlyContain(v => v > 0 && double.IsFinite(v));
        inline.Columns.Single(c => c.Name == "fd_gradnorm/original").Values.Should().Equal(fd);
        inline.Columns.Single(c => c.Name == "zo_mixed_abs/original").Values
            .Should().Equal(byIndex.Columns.Single(c => c.Name == "zo_mixed_abs/original").Values);
        byIndex.Columns.Select(c => c.Name).Should().Contain(["loss/original", "prediction/original", "zo_noise_floor/original"]);
    }

    [Fact]
    public async Task ADatasetWhoseShapeAndClassesDoNotFitTheModelIsInvalidArgument()
    {
        var error = await Refused(new ScoreSamplesRequest { Model = Model, Dataset = new DatasetSamples { Dataset = "cifar100", Indices = { 0 } } });

        error.Status.Detail.Should().Contain("dataset 'cifar100' has 3×32×32 images and 100 classes but model 'api-lenet' expects 1×28×28 images and 10 classes");
        Violations(error).Should().Contain("dataset.dataset");
    }

    [Fact]
    public async Task InlineImagesOfTheWrongShapeOrWithLabelsOutsideTheClassesAreInvalidArgument()
    {
        var wrongShape = await Refused(Inline(new float[3 * 32 * 32], [1, 3, 32, 32], [0]));
        var badLabel = await Refused(Inline(new float[28 * 28], [1, 1, 28, 28], [12]));

        wrongShape.Status.Detail.Should().Contain("images are 3×32×32 but model 'api-lenet' expects 1×28×28 images");
        badLabel.Status.Detail.Should().Contain("labels 12 are outside the model's 10 classes (0..9)");
    }

    [Fact]
    public async Task AnEmptyIndexListIsInvalidArgument()
    {
        var error = await Refused(new ScoreSamplesRequest { Model = Model, Dataset = new DatasetSamples { Split = "train" } });

        error.Status.Detail.Should().Contain("indices is empty; give at least one dataset index");
        Violations(error).Should().Equal("dataset.indices");
    }

    [Fact]
    public async Task NaNOrInfinitePixelsAreInvalidArgumentNamingTheImages()
    {
        var pixels = new float[3 * 28 * 28];
        pixels[28 * 28 + 5] = float.NaN;
        pixels[2 * 28 * 28] = float.PositiveInfinity;

        var error = await Refused(Inline(pixels, [3, 1, 28, 28], [0, 1, 2]));

        error.Status.Detail.Should().Contain("images 1, 2 contain NaN or infinite pixels");
        Violations(error).Should().Equal("images.data");
    }

    [Fact]
    public async Task OutOfRangeIndicesAreInvalidArgumentWithTheValidRange()
    {
        var error = await Refused(new ScoreSamplesRequest { Model = Model, Dataset = new DatasetSamples { Split = "test", Indices = { 3, 10_000, -1 } } });

        error.Status.Detail.Should().Contain("indices 10000, -1 are outside fashion-mnist/test (0..9999)");
    }

    [Fact]
    public async Task AnUnknownEstimatorIsInvalidArgumentListingTheKnownOnes()
    {
        var error = await Refused(new ScoreSamplesRequest
        {
            Model = Model, Dataset = new DatasetSamples { Indices = { 0 } }, Settings = new EstimatorSettings { Estimators = { "trace" } },
        });

        error.Status.Detail.Should().Contain("estimator 'trace' is unknown; use one of hutchinson_trace, fd_gradnorm, fd_gradnorm_sq, zo_mixed_abs");
        Violations(error).Should().Equal("settings.estimators");
    }

    [Fact]
    public async Task AnUnknownModelIsNotFoundAndAMissingOneInvalidArgument()
    {
        var unknown = () => server.Curvature.ScoreSamples(new ScoreSamplesRequest
        {
            Model = new ModelSelector { Named = new NamedModel { Name = "nope" } }, Dataset = new DatasetSamples { Indices = { 0 } },
        });
        var missing = await Refused(new ScoreSamplesRequest { Dataset = new DatasetSamples { Indices = { 0 } } });

        (await unknown.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.NotFound);
        missing.Status.Detail.Should().Contain("set model.named.name (and version) or model.sha256");
    }

    [Fact]
    public async Task AScoreJobOverIndicesOutsideTheDatasetFailsAndLeavesNoArtifact()
    {
        var submitted = await server.Curvature.SubmitScoreJob(new SubmitScoreJobRequest
        {
            Model = new NamedModel { Name = CurvatureApiServer.ModelName }, Split = "test", Indices = { 1, 2, 10_000 },
            Settings = new EstimatorSettings { Directions = 2 },
        });

        var job = await server.WaitAsync(Guid.Parse(submitted.JobId));

        job.State.Should().Be(JobState.Failed);
        job.Error.Should().Contain("indices 10000 are outside");
        (await server.Services.GetRequiredService<ArtifactRepository>().ListByJobAsync(job.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task ATypedScoreJobWithAnUnknownEstimatorIsRefusedBeforeAnyJobIsWritten()
    {
        var before = (await server.Services.GetRequiredService<JobRepository>().ListAsync(new JobQuery())).Total;
        var submit = () => server.Curvature.SubmitScoreJob(new SubmitScoreJobRequest
        {
            Model = new NamedModel { Name = CurvatureApiServer.ModelName }, Settings = new EstimatorSettings { Estimators = { "eig" } },
        });
        var memorization = () => server.Curvature.SubmitMemorizationJob(new SubmitMemorizationJobRequest { TrainingJobId = Guid.NewGuid().ToString() });

        (await submit.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.InvalidArgument);
        var notAJob = (await memorization.Should().ThrowAsync<RpcException>()).Which;
        notAJob.StatusCode.Should().Be(StatusCode.InvalidArgument);
        notAJob.Status.Detail.Should().Contain("is not a job; give the id of a finished train job");
        (await server.Services.GetRequiredService<JobRepository>().ListAsync(new JobQuery())).Total.Should().Be(before);
    }

    private static ScoreSamplesRequest Inline(float[] pixels, long[] shape, int[] labels) => new()
    {
        Model = Model,
        Images = new InlineImages
        {
            Data = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(pixels.AsSpan())), Shape = { shape }, Labels = { labels },
        },
    };

    private async Task<RpcException> Refused(ScoreSamplesRequest request)
    {
        var call = () => server.Curvature.ScoreSamples(request);
        var error = (await call.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.InvalidArgument, error.Status.Detail);
        return error;
    }

    private static List<string> Violations(RpcException error) => error.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).ToList();
}
