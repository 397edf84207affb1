using System.Text.Json;
using Google.Protobuf;
using Platform.Contracts.Jobs;
using Platform.Contracts.Training;
using Platform.Messaging.Jobs;
using Platform.Persistence.Artifacts;
using Platform.Persistence.Repositories;
using Platform.Rpc;
using Platform.Training.V1;

namespace Platform.Lab.Api.Training;

/// <summary>
/// <c>platform.training.v1.TrainingService</c>: typed submission of training jobs through Lab's
/// <see cref="Jobs.JobService"/>, and reads of what a trained model's job recorded (trajectories, membership,
/// corrupted labels) from the artifact store. Served by Lab because Lab owns the database.
/// </summary>
public sealed class TrainingApi(Jobs.JobService jobs, RegistryRepository registry, ArtifactRepository artifacts, LocalArtifactStore store)
    : ITrainingService
{
    private readonly ModelArtifacts models = new(registry, artifacts);

    private const int DefaultRows = 1024;
    private const int MaxRows = 65_536;

    /// <inheritdoc />
    public async Task<SubmitTrainResponse> SubmitTrain(SubmitTrainRequest request, CallContext? context = null) =>
        new() { JobId = await SubmitAsync(TrainingJobKinds.Train, request.Config.ToSpec(), request.Placement, context) };

    /// <inheritdoc />
    public async Task<SubmitShadowSetResponse> SubmitShadowSet(SubmitShadowSetRequest request, CallContext? context = null) =>
        new() { JobId = await SubmitAsync(TrainingJobKinds.ShadowSet, request.ToSpec(), request.Placement, context) };

    /// <inheritdoc />
    public async Task<SubmitCoresetResponse> SubmitCoreset(SubmitCoresetRequest request, CallContext? context = null) =>
        new() { JobId = await SubmitAsync(TrainingJobKinds.Coreset, request.ToSpec(), request.Placement, context) };

    /// <inheritdoc />
    public async IAsyncEnumerable<StreamLossTrajectoriesResponse> StreamLossTrajectories(
        StreamLossTrajectoriesRequest request, CallContext? context = null)
    {
        if (request.RowsPerMessage is < 0 or > MaxRows)
            throw RpcErrors.InvalidArgument($"rows_per_message must be between 1 and {MaxRows} (0 = {DefaultRows}); got {request.RowsPerMessage}",
                ("rows_per_message", "out of range"));
        var prefix = request.Split switch
        {
            TrajectorySplit.Unspecified or TrajectorySplit.Train => "train.",
            TrajectorySplit.Validation => "val.",
            _ => throw RpcErrors.InvalidArgument($"split {request.Split} is unknown; use TRAIN or VALIDATION", ("split", "unknown")),
        };
        var ct = Token(context);
        var (model, artifact) = await models.FindAsync(request.Model, "trajectories.safetensors", ct);
        SafeTensorsFile file;
        await using (var content = store.Open(artifact.Sha256))
            file = new SafeTensorsFile(content);
        if (!file.Contains(prefix + "loss"))
            throw RpcErrors.NotFound($"model '{model.Name}' v{model.Version} recorded no {(prefix == "val." ? "validation" : "training")} trajectories " +
                (prefix == "val." ? "(train with validation_fraction > 0)" : "(train with record_trajectories)"));
        var shape = file.Shape(prefix + "loss");
        var (n, epochs) = ((int)shape[0], (int)shape[1]);
        var loss = file.Floats(prefix + "loss");
        var correct = file.Bytes(prefix + "correct");
        var index = file.Longs(prefix + "dataset_index");
        var label = file.Longs(prefix + "label");
        var rows = request.RowsPerMessage == 0 ? DefaultRows : request.RowsPerMessage;
        for (var start = 0; start < n || start == 0; start += rows)
        {
            var message = new StreamLossTrajectoriesResponse { Epochs = epochs, TotalSamples = n };
            for (var i = start; i < Math.Min(n, start + rows); i++)
            {
                var row = new LossTrajectory
                {
                    DatasetIndex = (int)index[i], Label = (int)label[i], Correct = ByteString.CopyFrom(correct, i * epochs, epochs),
                };
                row.Loss.AddRange(loss.AsSpan(i * epochs, epochs).ToArray());
                message.Trajectories.Add(row);
            }
            yield return message;
            if (n == 0) yield break;
        }
    }

    /// <inheritdoc />
    public async Task<GetMembershipResponse> GetMembership(GetMembershipRequest request, CallContext? context = null)
    {
        var (model, membership) = await ReadMembershipAsync(request.Model, context);
        using (membership)
        {
            var root = membership.RootElement;
            var response = new GetMembershipResponse
            {
                Dataset = root.GetProperty("dataset").GetString() ?? "",
                DatasetSize = root.GetProperty("datasetSize").GetInt32(),
                Version = model.Version,
            };
            response.Members.AddRange(Ints(root, "members"));
            response.Validation.AddRange(Ints(root, "validation"));
            return response;
        }
    }

    /// <inheritdoc />
    public async Task<GetCorruptedIndicesResponse> GetCorruptedIndices(GetCorruptedIndicesRequest request, CallContext? context = null)
    {
        var (model, membership) = await ReadMembershipAsync(request.Model, context);
        using (membership)
        {
            var root = membership.RootElement;
            var response = new GetCorruptedIndicesResponse { Version = model.Version };
            response.Indices.AddRange(Ints(root, "corrupted").Order());
            if (root.TryGetProperty("duplicates", out var duplicates))
                response.Duplicates.AddRange(duplicates.EnumerateArray().Select(d => new ConflictingDuplicate
                {
                    Index = d.GetProperty("index").GetInt32(), SourceIndex = d.GetProperty("source").GetInt32(), Label = d.GetProperty("label").GetInt32(),
                }));
            return response;
        }
    }

    private async Task<(Persistence.Records.ModelRecord Model, JsonDocument Membership)> ReadMembershipAsync(ModelSelector? selector, CallContext? context)
    {
        var (model, artifact) = await models.FindAsync(selector, "membership.json", Token(context));
        await using var content = store.Open(artifact.Sha256);
        return (model, await JsonDocument.ParseAsync(content, cancellationToken: Token(context)));
    }

    private static IEnumerable<int> Ints(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(e => e.GetInt32()) : [];

    private async Task<string> SubmitAsync(string kind, IJobSpec spec, JobPlacement? placement, CallContext? context)
    {
        var json = JsonSerializer.Serialize(spec, spec.GetType(), JobSpecJson.Options);
        try
        {
            var job = await jobs.SubmitAsync(kind, json, placement?.Name, RpcErrors.OptionalId(placement?.ProjectId ?? "", "placement.project_id"),
                RpcErrors.OptionalId(placement?.ExperimentId ?? "", "placement.experiment_id"), Token(context));
            return job.Id.ToString();
        }
        catch (JobSpecException e)
        {
            throw RpcErrors.InvalidSpec(e);
        }
        catch (KeyNotFoundException e)
        {
            throw RpcErrors.NotFound(e.Message);
        }
        catch (ArgumentException e)
        {
            throw RpcErrors.InvalidArgument(e.Message, ("placement", e.Message));
        }
        catch (InvalidOperationException e)
        {
            throw new RpcException(StatusCode.Unavailable, e.Message);
        }
    }

    private static CancellationToken Token(CallContext? context) => context?.CancellationToken ?? CancellationToken.None;
}
