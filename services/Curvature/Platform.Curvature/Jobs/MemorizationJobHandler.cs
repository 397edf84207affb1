using System.Globalization;
using System.Text;
using System.Text.Json;
using Platform.Contracts.Curvature;
using Platform.Curvature.Methods.Estimators;
using Platform.Curvature.Methods.Memorization;
using Platform.Curvature.Methods.Scoring;
using Platform.Messaging.Worker;
using Platform.Torch;
using Platform.Torch.Serialization;
using Platform.Vision.Data;
using Platform.Vision.Datasets;
using Platform.Vision.Imaging;

namespace Platform.Curvature.Jobs;

/// <summary>
/// Runs <see cref="CurvatureJobKinds.Memorization"/>: scores the run's training set (labels as trained) at each
/// pinned checkpoint, averages per sample, and stores the table, the top-k gallery (JSON + PNGs) and detection of
/// the run's noisy labels and conflicting duplicates beside CSL. Everything is computed before the first artifact
/// is stored, so a failed job leaves no partial result.
/// </summary>
public sealed class MemorizationJobHandler : IJobHandler<MemorizationSpec>
{
    /// <inheritdoc />
    public async Task<object?> RunAsync(JobContext<MemorizationSpec> context)
    {
        var spec = context.Spec;
        if (spec.MembershipSha256 is null || spec.Checkpoints.Count == 0 || spec.Checkpoints.Any(c => c.Sha256 is null || c.Card is null))
            throw new InvalidOperationException("the training run was not resolved by Lab; submit the job through Lab");
        Torch.Torch.SetNumThreads(spec.Threads > 0 ? spec.Threads : Environment.ProcessorCount);
        var device = Device.Resolve(spec.Device);
        RunMembership run;
        await using (var json = context.OpenArtifact(spec.MembershipSha256))
            run = RunMembership.Parse(json);
        var rows = spec.Limit is { } limit ? Math.Min(limit, run.Indices.Length) : run.Indices.Length;
        var indices = run.Indices[..rows];
        var labels = run.Labels[..rows];
        var source = BuiltinDatasets.Load(run.Dataset, DatasetSplit.Train);
        var view = new RelabeledDataset(source, indices.Select(run.SourceOf).ToArray(), labels);
        var estimator = SampleScorer.Estimator(spec.Estimator);
        var options = new EstimatorOptions(spec.Directions, spec.Step, (ulong)spec.Seed, spec.Float64Differences);

        var perCheckpoint = new List<double[]>();
        double[] predictions = [];
        var epochs = new List<int>();
        for (var c = 0; c < spec.Checkpoints.Count; c++)
        {
            var reference = spec.Checkpoints[c];
            LoadedModel model;
            await using (var weights = context.OpenArtifact(reference.Sha256!))
                model = LoadedModel.Load(reference.Card!, weights, device);
            using var _ = model;
            epochs.Add(EpochOf(reference.Card!));
            var scores = new SampleScores(indices, labels);
            var loader = new DataLoader(view, new DataLoaderOptions { BatchSize = spec.BatchSize, Indices = Enumerable.Range(0, rows).ToArray() });
            var offset = 0;
            foreach (var batch in loader.Epoch())
            {
                using (batch)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    var keys = batch.Indices.Select(i => indices[i]).ToArray();
                    SampleScorer.Score(model, batch, keys, ["original"], [estimator], options, scores, offset, device);
                    offset += batch.Count;
                }
                context.ReportProgress(c * rows + offset, spec.Checkpoints.Count * rows,
                    $"checkpoint {c + 1}/{spec.Checkpoints.Count} (epoch {epochs[^1]}): scored {offset} of {rows}");
            }
            perCheckpoint.Add(scores[$"{spec.Estimator}/original"]);
            predictions = scores["prediction/original"];
        }

        var corrupted = indices.Select(run.Corrupted.Contains).ToArray();
        var duplicate = indices.Select(i => i >= run.DatasetSize).ToArray();
        double[]? csl = null;
        if (spec.TrajectoriesSha256 is { } trajectories)
            await using (var stream = context.OpenArtifact(trajectories))
                csl = CslOf(stream, indices);
        var analysis = MemorizationAnalysis.Compute(perCheckpoint, corrupted, duplicate, csl, Math.Min(spec.TopK, rows));
        var gallery = Gallery(analysis, view, indices, labels, source, predictions, corrupted, duplicate, out var thumbnails);
        var (tensors, csv) = Table(indices, labels, corrupted, duplicate, analysis.MeanCurvature, perCheckpoint, epochs, csl);

        await context.StoreArtifactAsync("memorization.safetensors", "scores", "application/x-safetensors", tensors);
        await context.StoreArtifactAsync("memorization.csv", "scores", "text/csv", csv);
        foreach (var (name, png) in thumbnails)
            await context.StoreArtifactAsync(name, "gallery", "image/png", png);
        await context.StoreArtifactAsync("gallery.json", "gallery", "application/json", gallery);
        return new
        {
            samples = rows,
            checkpoints = epochs,
            estimator = spec.Estimator,
            mislabel = new { curvature = analysis.MislabelByCurvature, csl = analysis.MislabelByCsl },
            duplicates = new { curvature = analysis.DuplicateByCurvature, csl = analysis.DuplicateByCsl },
            meanCurvature = analysis.MeanCurvature.Average(),
        };
    }

    private static byte[] Gallery(MemorizationAnalysis analysis, RelabeledDataset view, int[] indices, int[] labels, IImageDataset source,
        double[] predictions, bool[] corrupted, bool[] duplicate, out List<(string Name, byte[] Png)> thumbnails)
    {
        thumbnails = [];
        var entries = new List<object>();
        for (var rank = 0; rank < analysis.TopK.Length; rank++)
        {
            var row = analysis.TopK[rank];
            var name = $"gallery/{rank + 1:D3}-index-{indices[row]}.png";
            using (Torch.Torch.NewDisposeScope())
                thumbnails.Add((name, PngEncoder.Encode(view.GetImages([row]).Squeeze(0))));
            entries.Add(new
            {
                rank = rank + 1, datasetIndex = indices[row], sourceIndex = view.SourceIndices[row], label = labels[row],
                originalLabel = source.Labels[view.SourceIndices[row]], prediction = (int)predictions[row],
                curvature = analysis.MeanCurvature[row], corrupted = corrupted[row], duplicate = duplicate[row], image = name,
            });
        }
        return JsonSerializer.SerializeToUtf8Bytes(new { samples = indices.Length, top = entries }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
    }

    private static (byte[] Safetensors, byte[] Csv) Table(int[] indices, int[] labels, bool[] corrupted, bool[] duplicate,
        double[] mean, List<double[]> perCheckpoint, List<int> epochs, double[]? csl)
    {
        var buffer = new MemoryStream();
        using (Torch.Torch.NewDisposeScope())
        {
            var tensors = new Dictionary<string, Tensor>
            {
                ["dataset_index"] = Tensor.From(indices.Select(i => (long)i).ToArray()),
                ["label"] = Tensor.From(labels.Select(i => (long)i).ToArray()),
                ["corrupted"] = Tensor.From(corrupted.Select(b => b ? 1L : 0L).ToArray()),
                ["duplicate"] = Tensor.From(duplicate.Select(b => b ? 1L : 0L).ToArray()),
                ["curvature"] = Tensor.From(mean),
            };
            for (var c = 0; c < perCheckpoint.Count; c++)
                tensors[$"curvature/epoch-{epochs[c]}"] = Tensor.From(perCheckpoint[c]);
            if (csl is not null)
                tensors["csl"] = Tensor.From(csl);
            SafeTensors.Save(buffer, tensors);
        }
        var text = new StringBuilder("dataset_index,label,corrupted,duplicate,curvature,csl");
        foreach (var e in epochs) text.Append(CultureInfo.InvariantCulture, $",curvature_epoch_{e}");
        text.Append('\n');
        for (var i = 0; i < indices.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{indices[i]},{labels[i]},{(corrupted[i] ? 1 : 0)},{(duplicate[i] ? 1 : 0)},{mean[i]:R},{(csl is null ? "" : csl[i].ToString("R", CultureInfo.InvariantCulture))}");
            foreach (var c in perCheckpoint) text.Append(CultureInfo.InvariantCulture, $",{c[i]:R}");
            text.Append('\n');
        }
        return (buffer.ToArray(), Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>CSL (loss summed over epochs) per row from a run's trajectories; NaN for a row it did not record.</summary>
    private static double[] CslOf(Stream trajectories, int[] indices)
    {
        using var scope = Torch.Torch.NewDisposeScope();
        var tensors = SafeTensors.Load(trajectories, out _, Device.Cpu);
        if (!tensors.TryGetValue("train.loss", out var loss))
            return indices.Select(_ => double.NaN).ToArray();
        var sums = loss.To(ScalarType.Float64).Sum(1).ToArray<double>();
        var keys = tensors["train.dataset_index"].ToArray<long>();
        var byIndex = new Dictionary<long, double>();
        for (var i = 0; i < keys.Length; i++) byIndex[keys[i]] = sums[i];
        return indices.Select(i => byIndex.TryGetValue(i, out var v) ? v : double.NaN).ToArray();
    }

    private static int EpochOf(string card)
    {
        using var json = JsonDocument.Parse(card);
        return json.RootElement.TryGetProperty("epoch", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 0;
    }
}
