namespace Platform.Curvature.Methods.Attacks;

/// <summary>
/// How well a membership score separates members (label true) from non-members, as the papers report it:
/// AUROC, balanced accuracy at the threshold where |FPR + TPR − 1| is smallest, and TPR at fixed low FPRs
/// (linear interpolation on the ROC, like <c>np.interp</c>). Higher scores mean "member".
/// </summary>
public sealed record AttackMetrics(
    double Auroc, double BalancedAccuracy, double TprAt1PercentFpr, double TprAt01PercentFpr, double TprAt001PercentFpr,
    IReadOnlyList<RocPoint> Roc)
{
    /// <summary>Computes the metrics; both classes must be present and scores finite.</summary>
    public static AttackMetrics Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> isMember)
    {
        if (scores.Count != isMember.Count)
            throw new ArgumentException("each score needs one membership label");
        var positives = isMember.Count(m => m);
        var negatives = isMember.Count - positives;
        if (positives == 0 || negatives == 0)
            throw new ArgumentException("membership metrics need both members and non-members");
        if (scores.Any(s => !double.IsFinite(s)))
            throw new ArgumentException("scores must be finite (got NaN or infinity)");
        var roc = RocPoints(scores, isMember, positives, negatives);
        var balanced = roc.MinBy(p => Math.Abs(p.Fpr + p.Tpr - 1))!;
        return new AttackMetrics(
            Area(roc), (balanced.Tpr + 1 - balanced.Fpr) / 2,
            TprAt(roc, 0.01), TprAt(roc, 0.001), TprAt(roc, 0.0001),
            roc);
    }

    /// <summary>ROC points from the highest threshold down (ties form one step), starting at (0, 0).</summary>
    private static List<RocPoint> RocPoints(IReadOnlyList<double> scores, IReadOnlyList<bool> isMember, int positives, int negatives)
    {
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var points = new List<RocPoint> { new(double.PositiveInfinity, 0, 0) };
        int tp = 0, fp = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (isMember[order[k]]) tp++; else fp++;
            if (k == order.Length - 1 || scores[order[k + 1]] != scores[order[k]])
                points.Add(new RocPoint(scores[order[k]], fp / (double)negatives, tp / (double)positives));
        }
        return points;
    }

    private static double Area(List<RocPoint> roc)
    {
        double area = 0;
        for (var i = 1; i < roc.Count; i++)
            area += (roc[i].Fpr - roc[i - 1].Fpr) * (roc[i].Tpr + roc[i - 1].Tpr) / 2;
        return area;
    }

    private static double TprAt(List<RocPoint> roc, double fpr)
    {
        for (var i = 1; i < roc.Count; i++)
        {
            if (roc[i].Fpr < fpr) continue;
            var (a, b) = (roc[i - 1], roc[i]);
            if (b.Fpr == a.Fpr) return b.Tpr;
            return a.Tpr + (b.Tpr - a.Tpr) * (fpr - a.Fpr) / (b.Fpr - a.Fpr);
        }
        return 1;
    }
}
