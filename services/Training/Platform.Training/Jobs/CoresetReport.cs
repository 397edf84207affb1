using System.Globalization;
using System.Text;
using System.Text.Json;
using Platform.Contracts.Training;
using Platform.Messaging.Worker;
using Platform.Training.Methods.Coresets;

namespace Platform.Training.Jobs;

/// <summary>The artifacts of a coreset job: each method's selected indices, and the accuracy report as JSON and CSV.</summary>
internal static class CoresetReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task StoreSelectionAsync(JobContext<CoresetSpec> context, string method, int[] indices, TrajectorySet set)
    {
        var labelOf = set.TrainIndices.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => set.TrainLabels[x.i]);
        var selection = new
        {
            method,
            samples = indices.Length,
            perClass = indices.GroupBy(i => labelOf[i]).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Count()),
            indices,
        };
        return context.StoreArtifactAsync($"coreset-{method}.json", "coreset", "application/json", JsonSerializer.SerializeToUtf8Bytes(selection, Json));
    }

    public static async Task StoreAsync(
        JobContext<CoresetSpec> context, CoresetSpec spec, TrajectorySet set,
        IReadOnlyList<CoresetRunResult> results, IReadOnlyList<AccuracySummary> summaries)
    {
        var report = new
        {
            dataset = spec.Train.Dataset,
            model = spec.Train.Model,
            epochs = spec.Train.Epochs,
            sourceEpochs = spec.Source is null ? spec.SourceEpochs ?? spec.Train.Epochs : (int?)null,
            source = spec.Source is null ? "trained in this job" : $"job {spec.Source.JobId} / {spec.Source.Name}",
            fraction = spec.Fraction,
            pool = set.TrainIndices.Length,
            validation = set.ValidationLabels.Length,
            summaries,
            runs = results,
        };
        await context.StoreArtifactAsync("coreset-report.json", "report", "application/json", JsonSerializer.SerializeToUtf8Bytes(report, Json));
        var csv = new StringBuilder("method,seed,samples,test_accuracy\n");
        foreach (var r in results)
            csv.Append(CultureInfo.InvariantCulture, $"{r.Method},{r.Seed},{r.Samples},{r.TestAccuracy:R}\n");
        await context.StoreArtifactAsync("coreset-report.csv", "report", "text/csv", Encoding.UTF8.GetBytes(csv.ToString()));
    }
}
