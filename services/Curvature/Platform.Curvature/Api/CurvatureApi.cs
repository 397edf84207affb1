using System.Text.Json;
using Platform.Contracts.Curvature;
using Platform.Contracts.Jobs;
using Platform.Curvature.Methods.Scoring;
using Platform.Curvature.V1;
using Platform.Messaging.Jobs;
using Platform.Rpc;
using Platform.Torch;
using Platform.Vision.Data;

namespace Platform.Curvature.Api;

/// <summary>
/// <c>platform.curvature.v1.CurvatureService</c>: synchronous <c>ScoreSamples</c> on this process's device, and
/// typed submission of curvature jobs through Lab (<see cref="IJobSubmitter"/>).
/// </summary>
public sealed class CurvatureApi(ScoringModelLoader models, IJobSubmitter jobs) : ICurvatureService
{
    private const int ChunkSize = 256;

    /// <inheritdoc />
    public async Task<ScoreSamplesResponse> ScoreSamples(ScoreSamplesRequest request, CallContext? context = null)
    {
        var ct = Token(context);
        var problems = new List<(string Field, string Description)>();
        var (names, options, views) = EstimatorSettingsReader.Read(request.Settings, "settings", problems);
        CurvatureRpcErrors.ThrowIfAny(problems);
        var device = Device.Resolve("auto");
        var (reference, model) = await models.LoadAsync(request.Model, device, ct);
        using var _ = model;
        var input = ScoreSamplesInput.Read(request, model, reference.Name);
        var scores = await Task.Run(() => Score(model, input, names, options, views, device, ct), ct);
        var response = new ScoreSamplesResponse
        {
            ModelName = reference.Name, ModelVersion = reference.Version ?? 0, ModelSha256 = reference.Sha256,
        };
        response.Indices.AddRange(scores.DatasetIndices);
        response.Labels.AddRange(scores.Labels);
        foreach (var column in scores.Columns)
        {
            var proto = new ScoreColumn { Name = column };
            proto.Values.AddRange(scores[column]);
            response.Columns.Add(proto);
        }
        return response;
    }

    /// <inheritdoc />
    public async Task<SubmitScoreJobResponse> SubmitScoreJob(SubmitScoreJobRequest request, CallContext? context = null)
    {
        var problems = new List<(string Field, string Description)>();
        var (names, options, views) = EstimatorSettingsReader.Read(request.Settings, "settings", problems);
        if (request.Model is null || string.IsNullOrWhiteSpace(request.Model.Name))
            problems.Add(("model.name", "name a registered model (e.g. the modelName of a train job)"));
        if (request.Limit < 0)
            problems.Add(("limit", $"limit must be ≥ 0 (got {request.Limit})"));
        CurvatureRpcErrors.ThrowIfAny(problems);
        var spec = new ScoreSpec
        {
            Model = new ModelReference { Name = request.Model!.Name, Version = request.Model.Version == 0 ? null : request.Model.Version },
            Split = string.IsNullOrEmpty(request.Split) ? "train" : request.Split,
            Indices = request.Indices.Count == 0 ? null : request.Indices.ToArray(),
            Limit = request.Limit == 0 ? null : request.Limit,
            Estimators = names, Directions = options.Directions, Step = options.Step, Seed = (int)(request.Settings?.Seed ?? 0),
            Views = views, Float64Differences = options.Float64Differences,
            BatchSize = request.BatchSize == 0 ? 256 : request.BatchSize,
        };
        var id = await SubmitAsync(CurvatureJobKinds.Score, spec, request.Name, request.ProjectId, request.ExperimentId, Token(context));
        return new SubmitScoreJobResponse { JobId = id.ToString() };
    }

    /// <inheritdoc />
    public async Task<SubmitMemorizationJobResponse> SubmitMemorizationJob(SubmitMemorizationJobRequest request, CallContext? context = null)
    {
        var problems = new List<(string Field, string Description)>();
        var (names, options, _) = EstimatorSettingsReader.Read(request.Settings, "settings", problems);
        if (!Guid.TryParse(request.TrainingJobId, out var trainingJob))
            problems.Add(("training_job_id", $"'{request.TrainingJobId}' is not a job id; pass the UUID of a finished train job"));
        if (names.Length != 1)
            problems.Add(("settings.estimators", "a memorization job uses one estimator"));
        if (request.Every < 0 || request.TopK < 0 || request.Limit < 0)
            problems.Add(("request", "every, top_k and limit must be ≥ 0 (0 = default)"));
        CurvatureRpcErrors.ThrowIfAny(problems);
        var spec = new MemorizationSpec
        {
            TrainingJobId = trainingJob, Every = request.Every == 0 ? 1 : request.Every, Estimator = names[0],
            Directions = options.Directions, Step = options.Step, Seed = (int)(request.Settings?.Seed ?? 0),
            Float64Differences = options.Float64Differences,
            TopK = request.TopK == 0 ? 25 : request.TopK, Limit = request.Limit == 0 ? null : request.Limit,
        };
        var id = await SubmitAsync(CurvatureJobKinds.Memorization, spec, request.Name, request.ProjectId, request.ExperimentId, Token(context));
        return new SubmitMemorizationJobResponse { JobId = id.ToString() };
    }

    private async Task<Guid> SubmitAsync<T>(string kind, T spec, string name, string project, string experiment, CancellationToken ct)
    {
        var projectId = OptionalId(project, "project_id");
        var experimentId = OptionalId(experiment, "experiment_id");
        try
        {
            return await jobs.SubmitAsync(kind, JsonSerializer.Serialize(spec, JobSpecJson.Options), name, projectId, experimentId, ct);
        }
        catch (JobSpecException e)
        {
            throw CurvatureRpcErrors.InvalidSpec(e);
        }
        catch (KeyNotFoundException e)
        {
            throw new RpcException(StatusCode.NotFound, e.Message);
        }
        catch (ArgumentException e)
        {
            throw CurvatureRpcErrors.InvalidArgument("experiment_id", e.Message);
        }
        catch (InvalidOperationException e)
        {
            throw new RpcException(StatusCode.Unavailable, e.Message);
        }
    }

    private static SampleScores Score(LoadedModel model, ScoreSamplesInput input, string[] names, Methods.Estimators.EstimatorOptions options,
        string[] views, Device device, CancellationToken ct)
    {
        var estimators = names.Select(SampleScorer.Estimator).ToList();
        var scores = new SampleScores(input.Indices, input.Labels);
        using var scope = Torch.Torch.NewDisposeScope();
        var images = input.Images();
        var labels = Tensor.From(input.Labels.Select(l => (long)l).ToArray());
        for (var offset = 0; offset < input.Indices.Length; offset += ChunkSize)
        {
            ct.ThrowIfCancellationRequested();
            using var chunk = Torch.Torch.NewDisposeScope();
            var count = Math.Min(ChunkSize, input.Indices.Length - offset);
            var rows = input.Indices[offset..(offset + count)];
            var batch = new Batch(rows, images.Narrow(0, offset, count), labels.Narrow(0, offset, count));
            SampleScorer.Score(model, batch, rows, views, estimators, options, scores, offset, device);
        }
        return scores;
    }

    private static Guid? OptionalId(string value, string field) =>
        string.IsNullOrEmpty(value) ? null
        : Guid.TryParse(value, out var id) ? id
        : throw CurvatureRpcErrors.InvalidArgument(field, $"'{value}' is not a UUID");

    private static CancellationToken Token(CallContext? context) => context?.CancellationToken ?? CancellationToken.None;
}
