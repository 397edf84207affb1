using System.Buffers.Binary;
using System.Text.Json;
using Platform.Contracts.Training;
using Platform.Messaging.Worker;
using Platform.Torch;
using Platform.Torch.Serialization;
using Platform.Training.Methods.Data;
using Platform.Training.Methods.Training;
using Platform.Vision.Datasets;

namespace Platform.Training.Jobs;

/// <summary>
/// Runs <see cref="TrainingJobKinds.ShadowSet"/>: draws balanced IN/OUT masks over the pool, stores them, then
/// trains the models one after another, each on its IN samples, storing each model (registered as
/// <c>{name}-shadow-{k}</c>) and its trajectories. Checkpoints carry the model index and the trainer state, so a
/// redelivered job continues with the model (and epoch) it was on.
/// </summary>
public sealed class ShadowSetJobHandler : IJobHandler<ShadowSetSpec>
{
    /// <inheritdoc />
    public async Task<object?> RunAsync(JobContext<ShadowSetSpec> context)
    {
        var spec = context.Spec;
        var device = TrainingRuntime.Prepare(spec.Train);
        var train = BuiltinDatasets.Load(spec.Train.Dataset, DatasetSplit.Train);
        var test = BuiltinDatasets.Load(spec.Train.Dataset, DatasetSplit.Test);
        var pool = spec.PoolSize ?? train.Count;
        if (pool > train.Count)
            throw new ArgumentException($"poolSize {pool} is larger than the {train.Count} training samples of {spec.Train.Dataset}");
        var masks = ShadowMasks.Balanced(spec.Models, pool, spec.MaskSeed, spec.InFraction);
        await StoreMasksAsync(context, masks);

        var (startModel, state) = ReadCheckpoint(context);
        var name = spec.Train.ModelName ?? $"{spec.Train.Model}-{context.JobId.ToString("N")[..8]}";
        var accuracies = new List<double>();
        for (var k = startModel; k < spec.Models; k++)
        {
            var modelSpec = spec.Train with
            {
                Subset = new SubsetSpec { Indices = ShadowMasks.Members(masks[k]) },
                Seed = spec.Train.Seed + k,
                ModelName = $"{name}-shadow-{k}",
            };
            var data = TrainingDataBuilder.Build(modelSpec, train, test);
            using var trainer = new Trainer(modelSpec, data, device);
            if (state is not null)
            {
                trainer.LoadCheckpoint(state);
                state = null;
            }
            var index = k;
            var observer = new JobTrainingObserver<ShadowSetSpec>(context, modelSpec, async epochs =>
            {
                var buffer = new MemoryStream();
                WriteModelIndex(buffer, index);
                trainer.SaveCheckpoint(buffer);
                buffer.Position = 0;
                await context.SaveCheckpointAsync((long)index * 1_000_000 + epochs, buffer);
            }, k, spec.Models, $"shadow{k}_");
            await trainer.RunAsync(observer, context.CancellationToken);
            var prefix = $"shadow-{k}/";
            await TrainingArtifacts.StoreModelAsync(context, trainer, prefix + "model.safetensors",
                ModelCardBuilder.Build(modelSpec.ModelName!, modelSpec, trainer, data, context.JobId, trainer.CompletedEpochs, k));
            await TrainingArtifacts.StoreTrajectoriesAsync(context, trainer, prefix);
            await TrainingArtifacts.StoreMembershipAsync(context, data, prefix);
            accuracies.Add(trainer.History[^1].TestAccuracy);
            // The next model starts fresh: a checkpoint that says so, with no trainer state.
            var next = new MemoryStream();
            WriteModelIndex(next, k + 1);
            next.Position = 0;
            await context.SaveCheckpointAsync((long)(k + 1) * 1_000_000, next);
        }
        return new
        {
            models = spec.Models,
            pool,
            samplesPerModel = masks.Select(m => m.Count(x => x)).ToArray(),
            modelName = name,
            testAccuracies = accuracies,
        };
    }

    private static async Task StoreMasksAsync(JobContext<ShadowSetSpec> context, bool[][] masks)
    {
        var (n, pool) = (masks.Length, masks[0].Length);
        var flat = new byte[n * pool];
        for (var m = 0; m < n; m++)
            for (var i = 0; i < pool; i++)
                flat[m * pool + i] = masks[m][i] ? (byte)1 : (byte)0;
        var buffer = new MemoryStream();
        using (Torch.Torch.NewDisposeScope())
            SafeTensors.Save(buffer, new Dictionary<string, Tensor> { ["in"] = Tensor.From(flat, [n, pool]) },
                new Dictionary<string, string> { ["layout"] = "in[model, dataset_index] = 1 when the model trained on the sample" });
        buffer.Position = 0;
        await context.StoreArtifactAsync("masks.safetensors", "membership", "application/x-safetensors", buffer);
        await context.StoreArtifactAsync("masks.json", "membership", "application/json", JsonSerializer.SerializeToUtf8Bytes(
            new { models = n, pool, members = masks.Select(ShadowMasks.Members) }));
    }

    private static (int Model, Stream? State) ReadCheckpoint(JobContext<ShadowSetSpec> context)
    {
        if (context.Checkpoint is null)
            return (0, null);
        var stream = new MemoryStream();
        using (var source = context.OpenCheckpoint())
            source.CopyTo(stream);
        var bytes = stream.ToArray();
        var model = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        return (model, bytes.Length > 4 ? new MemoryStream(bytes, 4, bytes.Length - 4) : null);
    }

    private static void WriteModelIndex(Stream stream, int index)
    {
        Span<byte> head = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(head, index);
        stream.Write(head);
    }
}
