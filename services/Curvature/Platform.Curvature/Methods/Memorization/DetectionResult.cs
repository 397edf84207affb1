namespace Platform.Curvature.Methods.Memorization;

/// <summary>
/// How well a score flags a known set of samples (noisy labels, conflicting duplicates): AUROC; precision of the
/// top-m flagged, m = how many there are; and the fraction of them in the top decile (chance = 0.1).
/// </summary>
public sealed record DetectionResult(int Positives, int Samples, double Auroc, double PrecisionAtM, double TopDecileFraction)
{
    /// <summary>Detection of <paramref name="isPositive"/> by higher <paramref name="scores"/>; null when either class is absent.</summary>
    public static DetectionResult? Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> isPositive)
    {
        var positives = isPositive.Count(p => p);
        if (positives == 0 || positives == isPositive.Count)
            return null;
        var auroc = Attacks.AttackMetrics.Compute(scores, isPositive).Auroc;
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var precision = order.Take(positives).Count(i => isPositive[i]) / (double)positives;
        var decile = Math.Max(1, scores.Count / 10);
        var inTopDecile = order.Take(decile).Count(i => isPositive[i]) / (double)positives;
        return new DetectionResult(positives, scores.Count, auroc, precision, inTopDecile);
    }
}
