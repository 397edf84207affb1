using Platform.Contracts.Curvature;
using Platform.Curvature.Methods.Estimators;
using Platform.Curvature.Methods.Scoring;
using Platform.Messaging.Worker;
using Platform.Torch;
using Platform.Torch.Serialization;
using Platform.Vision.Data;
using Platform.Vision.Datasets;

namespace Platform.Curvature.Jobs;

/// <summary>
/// Runs <see cref="CurvatureJobKinds.Score"/>: loads the pinned model, scores the requested samples batch by batch
/// with live progress, and stores the per-sample table as safetensors and CSV. Scores do not depend on the batch
/// size, so a redelivered job simply scores again and produces the same artifact.
/// </summary>
public sealed class ScoreJobHandler : IJobHandler<ScoreSpec>
{
    /// <inheritdoc />
    public async Task<object?> RunAsync(JobContext<ScoreSpec> context)
    {
        var spec = context.Spec;
        Torch.Torch.SetNumThreads(spec.Threads > 0 ? spec.Threads : Environment.ProcessorCount);
        var device = Device.Resolve(spec.Device);
        if (spec.Model.Sha256 is null || spec.Model.Card is null)
            throw new InvalidOperationException("the model reference was not resolved by Lab; submit the job through Lab");
        LoadedModel model;
        await using (var weights = context.OpenArtifact(spec.Model.Sha256))
            model = LoadedModel.Load(spec.Model.Card, weights, device);
        using var _ = model;
        var dataset = BuiltinDatasets.Load(model.Dataset, spec.Split == "train" ? DatasetSplit.Train : DatasetSplit.Test);
        var indices = spec.Indices ?? Enumerable.Range(0, Math.Min(dataset.Count, spec.Limit ?? dataset.Count)).ToArray();
        var outOfRange = indices.Where(i => i >= dataset.Count).Take(3).ToList();
        if (outOfRange.Count > 0)
            throw new ArgumentException($"indices {string.Join(", ", outOfRange)} are outside {dataset.Name} (0..{dataset.Count - 1})");
        var estimators = spec.Estimators.Select(SampleScorer.Estimator).ToList();
        var options = new EstimatorOptions(spec.Directions, spec.Step, (ulong)spec.Seed, spec.Float64Differences);
        var scores = new SampleScores(indices, indices.Select(i => dataset.Labels[i]).ToArray());
        var loader = new DataLoader(dataset, new DataLoaderOptions { BatchSize = spec.BatchSize, Indices = indices });
        var offset = 0;
        var b = 0;
        foreach (var batch in loader.Epoch())
        {
            using (batch)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                SampleScorer.Score(model, batch, batch.Indices, spec.Views, estimators, options, scores, offset, device);
                offset += batch.Count;
            }
            context.ReportProgress(++b, loader.BatchCount, $"scored {offset} of {indices.Length} samples");
        }
        var buffer = new MemoryStream();
        using (Torch.Torch.NewDisposeScope())
            SafeTensors.Save(buffer, scores.ToTensors(), new Dictionary<string, string>
            {
                ["model"] = $"{spec.Model.Name} v{spec.Model.Version}", ["split"] = spec.Split, ["step"] = spec.Step.ToString("R"),
                ["directions"] = spec.Directions.ToString(), ["seed"] = spec.Seed.ToString(),
            });
        buffer.Position = 0;
        await context.StoreArtifactAsync("scores.safetensors", "scores", "application/x-safetensors", buffer);
        await context.StoreArtifactAsync("scores.csv", "scores", "text/csv", scores.ToCsv());
        return new
        {
            model = $"{spec.Model.Name} v{spec.Model.Version}",
            samples = indices.Length,
            columns = scores.Columns,
            means = scores.Columns.ToDictionary(c => c, c => scores[c].Average()),
        };
    }
}
