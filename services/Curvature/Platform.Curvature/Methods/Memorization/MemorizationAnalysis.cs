namespace Platform.Curvature.Methods.Memorization;

/// <summary>
/// The memorization outputs of per-checkpoint curvature: the per-sample mean over checkpoints (Garg et al.), the
/// top-k rows by it, and detection of noisy labels and conflicting duplicates by curvature and by the CSL baseline.
/// </summary>
public sealed record MemorizationAnalysis(
    double[] MeanCurvature,
    int[] TopK,
    DetectionResult? MislabelByCurvature,
    DetectionResult? MislabelByCsl,
    DetectionResult? DuplicateByCurvature,
    DetectionResult? DuplicateByCsl)
{
    /// <summary>
    /// Analyses <paramref name="perCheckpoint"/>[checkpoint][row]. <paramref name="csl"/> (per row, NaN where the run
    /// recorded none) may be null.
    /// </summary>
    public static MemorizationAnalysis Compute(IReadOnlyList<double[]> perCheckpoint, bool[] corrupted, bool[] duplicate, double[]? csl, int topK)
    {
        if (perCheckpoint.Count == 0)
            throw new ArgumentException("no checkpoint was scored");
        var rows = perCheckpoint[0].Length;
        var mean = Enumerable.Range(0, rows).Select(i => perCheckpoint.Average(c => c[i])).ToArray();
        var top = Enumerable.Range(0, rows).OrderByDescending(i => mean[i]).Take(topK).ToArray();
        var cslUsable = csl is not null && csl.All(double.IsFinite) ? csl : null;
        return new MemorizationAnalysis(
            mean, top,
            DetectionResult.Compute(mean, corrupted),
            cslUsable is null ? null : DetectionResult.Compute(cslUsable, corrupted),
            DetectionResult.Compute(mean, duplicate),
            cslUsable is null ? null : DetectionResult.Compute(cslUsable, duplicate));
    }
}
