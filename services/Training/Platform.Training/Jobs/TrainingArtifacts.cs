using System.Text.Json;
using Platform.Contracts.Training;
using Platform.Messaging.Worker;
using Platform.Torch;
using Platform.Torch.Serialization;
using Platform.Training.Methods.Training;

namespace Platform.Training.Jobs;

/// <summary>What a training run records as artifacts, under stable names (a resumed run replaces, never adds).</summary>
internal static class TrainingArtifacts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Exactly which dataset samples the model trains on, which labels were corrupted, which duplicates were added.</summary>
    public static Task StoreMembershipAsync<T>(JobContext<T> context, PreparedData data, string prefix = "") where T : class, Contracts.Jobs.IJobSpec
    {
        var membership = new
        {
            dataset = data.DatasetName,
            split = "train",
            datasetSize = data.TrainSplitSize,
            members = data.DatasetIndices.Where(i => i < data.TrainSplitSize).Order().ToArray(),
            validation = data.ValidationIndices,
            corrupted = data.CorruptedIndices,
            duplicates = data.Duplicates.Select((d, k) => new { index = data.TrainSplitSize + k, source = d.Source, label = d.Label }),
            // The training set in training order, with the labels trained on (noisy where corrupted).
            trained = new { indices = data.DatasetIndices, labels = data.Train.Labels },
        };
        return context.StoreArtifactAsync(prefix + "membership.json", "membership", "application/json",
            JsonSerializer.SerializeToUtf8Bytes(membership, Json));
    }

    /// <summary>Weights (safetensors) with the model card; Lab registers them as the next model version.</summary>
    public static async Task StoreModelAsync<T>(JobContext<T> context, Trainer trainer, string artifactName, string card)
        where T : class, Contracts.Jobs.IJobSpec
    {
        var buffer = new MemoryStream();
        using (Torch.Torch.NewDisposeScope())
        {
            var state = trainer.Model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.To(Device.Cpu));
            SafeTensors.Save(buffer, state, new Dictionary<string, string> { ["card"] = card });
        }
        buffer.Position = 0;
        await context.StoreArtifactAsync(artifactName, "model", "application/x-safetensors", buffer, card);
    }

    /// <summary>Per-sample loss/correctness trajectories as safetensors (train and validation) and CSV; returns the safetensors artifact.</summary>
    public static async Task<Contracts.Jobs.ArtifactStored?> StoreTrajectoriesAsync<T>(JobContext<T> context, Trainer trainer, string prefix = "")
        where T : class, Contracts.Jobs.IJobSpec
    {
        if (trainer.Train.Epochs == 0 && trainer.Validation is null)
            return null;
        var buffer = new MemoryStream();
        using (Torch.Torch.NewDisposeScope())
        {
            var tensors = trainer.Train.ToTensors("train.");
            if (trainer.Validation is { } v)
                foreach (var (k, t) in v.ToTensors("val.")) tensors[k] = t;
            SafeTensors.Save(buffer, tensors);
        }
        buffer.Position = 0;
        var stored = await context.StoreArtifactAsync(prefix + "trajectories.safetensors", "trajectories", "application/x-safetensors", buffer);
        await context.StoreArtifactAsync(prefix + "trajectories.csv", "trajectories", "text/csv", trainer.Train.ToCsv());
        return stored;
    }
}
