using System.Text;
using Platform.Contracts.Curvature;
using Platform.Curvature.Methods.Attacks;
using Platform.Curvature.Methods.Audit;
using Platform.Messaging.Worker;
using Platform.Torch;
using Platform.Torch.Serialization;

namespace Platform.Curvature.Jobs;

/// <summary>
/// Runs <see cref="CurvatureJobKinds.Attack"/>: reads a shadow set's masks and each model's score table, runs the
/// membership attacks on the targets, and stores the report (<c>report.json</c>, <c>report.md</c>), the ROC points
/// (<c>roc.csv</c>) and the per-sample table (<c>samples.csv</c>); the metrics go to Lab as well. Deterministic, so a
/// redelivered job writes the same artifacts.
/// </summary>
public sealed class AttackJobHandler : IJobHandler<AttackSpec>
{
    /// <inheritdoc />
    public async Task<object?> RunAsync(JobContext<AttackSpec> context)
    {
        var spec = context.Spec;
        bool[][] isIn;
        await using (var stream = context.OpenArtifact(spec.Masks))
            isIn = ReadMasks(stream);
        if (isIn.Length != spec.Scores.Length)
            throw new ArgumentException($"the masks cover {isIn.Length} models but scores names {spec.Scores.Length}; give one scores.safetensors per model");
        var tables = new List<IReadOnlyDictionary<string, double[]>>();
        int[]? indices = null, labels = null;
        for (var m = 0; m < spec.Scores.Length; m++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            await using var stream = context.OpenArtifact(spec.Scores[m]);
            var (columns, modelIndices, modelLabels) = ReadScores(stream);
            if (indices is null)
                (indices, labels) = (modelIndices, modelLabels);
            else if (!indices.SequenceEqual(modelIndices))
                throw new ArgumentException($"model {m}'s scores cover other samples than model 0's; score every model on the same pool");
            tables.Add(columns);
            context.ReportProgress(m + 1, spec.Scores.Length + 1, $"read the scores of model {m + 1} of {spec.Scores.Length}");
        }
        indices ??= [];
        if (!indices.SequenceEqual(Enumerable.Range(0, isIn[0].Length)))
            throw new ArgumentException($"the scores must cover dataset indices 0..{isIn[0].Length - 1} in order, the pool of the masks");
        var scores = new ShadowSetScores(isIn, tables, labels!);
        var modes = spec.Modes.Select(m => Enum.Parse<CurvatureMode>(m, ignoreCase: true)).ToList();
        var audits = AuditAnalysis.Run(scores, spec.Targets, spec.Estimators, spec.Attacks, modes, spec.RmiaA);
        var report = new AuditReport(audits, indices, labels!, spec.Scores.Length - spec.Targets.Length, spec.HistogramBins);

        foreach (var attack in report.Attacks)
        {
            context.LogMetric($"auroc/{attack}", 0, report.Summary(attack, m => m.Auroc).Mean);
            context.LogMetric($"balanced_accuracy/{attack}", 0, report.Summary(attack, m => m.BalancedAccuracy).Mean);
            context.LogMetric($"tpr_at_1pct_fpr/{attack}", 0, report.Summary(attack, m => m.TprAt1PercentFpr).Mean);
            context.LogMetric($"tpr_at_0.1pct_fpr/{attack}", 0, report.Summary(attack, m => m.TprAt01PercentFpr).Mean);
            context.LogMetric($"tpr_at_0.01pct_fpr/{attack}", 0, report.Summary(attack, m => m.TprAt001PercentFpr).Mean);
        }
        foreach (var (estimator, (members, nonMembers)) in report.MeanCurvature)
        {
            context.LogMetric($"mean_curvature_members/{estimator}", 0, members);
            context.LogMetric($"mean_curvature_non_members/{estimator}", 0, nonMembers);
        }
        var json = report.ToJson();
        await context.StoreArtifactAsync("report.json", "report", "application/json", Encoding.UTF8.GetBytes(json.ToJsonString()));
        var table = report.MarkdownTable();
        await context.StoreArtifactAsync("report.md", "report", "text/markdown", Encoding.UTF8.GetBytes(table));
        await context.StoreArtifactAsync("roc.csv", "report", "text/csv", report.RocCsv());
        await context.StoreArtifactAsync("samples.csv", "report", "text/csv", report.SamplesCsv());
        context.ReportProgress(spec.Scores.Length + 1, spec.Scores.Length + 1, "report written");
        return new
        {
            targets = spec.Targets,
            pool = indices.Length,
            attacks = report.Attacks.ToDictionary(a => a, a => new
            {
                auroc = report.Summary(a, m => m.Auroc).Mean,
                balancedAccuracy = report.Summary(a, m => m.BalancedAccuracy).Mean,
                tprAt1PercentFpr = report.Summary(a, m => m.TprAt1PercentFpr).Mean,
                tprAt01PercentFpr = report.Summary(a, m => m.TprAt01PercentFpr).Mean,
                tprAt001PercentFpr = report.Summary(a, m => m.TprAt001PercentFpr).Mean,
            }),
            meanCurvature = report.MeanCurvature.ToDictionary(c => c.Key, c => new { members = c.Value.Members, nonMembers = c.Value.NonMembers }),
        };
    }

    private static bool[][] ReadMasks(Stream stream)
    {
        using var scope = Torch.Torch.NewDisposeScope();
        var tensors = SafeTensors.Load(stream, out _);
        if (!tensors.TryGetValue("in", out var mask) || mask.Shape.Length != 2)
            throw new ArgumentException("masks must be a shadow set's masks.safetensors with a 2-D tensor 'in' [model, sample]");
        var (models, pool) = ((int)mask.Shape[0], (int)mask.Shape[1]);
        var flat = mask.To(ScalarType.UInt8).Contiguous().ToArray<byte>();
        return Enumerable.Range(0, models).Select(m => Enumerable.Range(0, pool).Select(i => flat[m * pool + i] != 0).ToArray()).ToArray();
    }

    private static (Dictionary<string, double[]> Columns, int[] Indices, int[] Labels) ReadScores(Stream stream)
    {
        using var scope = Torch.Torch.NewDisposeScope();
        var tensors = SafeTensors.Load(stream, out _);
        if (!tensors.TryGetValue("dataset_index", out var index) || !tensors.TryGetValue("label", out var label))
            throw new ArgumentException("scores must be curvature.score's scores.safetensors (with dataset_index and label)");
        var columns = tensors.Where(t => t.Key is not ("dataset_index" or "label"))
            .ToDictionary(t => t.Key, t => t.Value.To(ScalarType.Float64).Contiguous().ToArray<double>());
        return (columns, index.ToArray<long>().Select(i => (int)i).ToArray(), label.ToArray<long>().Select(i => (int)i).ToArray());
    }
}
