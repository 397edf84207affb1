using System.Text.Json;
using Platform.Contracts.Training;
using Platform.Training.Methods.Training;
using Platform.Vision.Datasets;

namespace Platform.Training.Jobs;

/// <summary>
/// The JSON model card stored with every checkpoint: enough to rebuild the model and its inputs exactly
/// (architecture, dataset, normalization, norm layer) and to know what it was trained on and how well it did.
/// </summary>
internal static class ModelCardBuilder
{
    public static string Build(string name, TrainSpec spec, Trainer trainer, PreparedData data, Guid jobId, int epoch, int? shadowIndex = null)
    {
        var (mean, std) = BuiltinDatasets.Statistics(spec.Dataset);
        var last = trainer.History.LastOrDefault();
        var card = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["architecture"] = spec.Model,
            ["norm"] = spec.Norm,
            ["inChannels"] = trainer.Options.InChannels,
            ["numClasses"] = trainer.Options.NumClasses,
            ["imageSize"] = trainer.Options.ImageSize,
            ["dataset"] = spec.Dataset,
            ["normalize"] = new { mean, std },
            ["trainSamples"] = data.Train.Count,
            ["corruptedLabels"] = data.CorruptedIndices.Length,
            ["seed"] = spec.Seed,
            ["epoch"] = epoch,
            ["epochs"] = spec.Epochs,
            ["testAccuracy"] = last?.TestAccuracy,
            ["trainAccuracy"] = last?.TrainAccuracy,
            ["jobId"] = jobId,
            ["shadowIndex"] = shadowIndex,
            ["privacy"] = spec.Privacy is null ? null : new
            {
                spec.Privacy.MaxGradNorm, noiseMultiplier = trainer.NoiseMultiplier, spec.Privacy.Delta, epsilon = last?.Epsilon,
                spec.Privacy.Sampling,
            },
        };
        return JsonSerializer.Serialize(card, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }
}
