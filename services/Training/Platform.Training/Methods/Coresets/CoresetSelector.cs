namespace Platform.Training.Methods.Coresets;

/// <summary>
/// Chooses the dataset indices of a class-balanced subset from a <see cref="TrajectorySet"/>: the top of every
/// class by LTC (correlation with the class's validation-loss changes) or CSL (highest cumulative loss), or a
/// seeded random draw with the same per-class counts.
/// </summary>
public static class CoresetSelector
{
    /// <summary>The coreset of <paramref name="method"/> (ltc or csl) keeping <paramref name="fraction"/> of every class, sorted.</summary>
    public static int[] Select(string method, TrajectorySet set, double fraction)
    {
        var scores = method switch
        {
            "ltc" => LossTrajectoryCorrelation.Scores(set.TrainLosses, set.TrainLabels, set.ValidationLosses, set.ValidationLabels),
            "csl" => CumulativeSampleLoss.Scores(set.TrainLosses),
            _ => throw new ArgumentException($"coreset method '{method}' is unknown; use ltc or csl"),
        };
        var quota = set.QuotaPerClass(fraction);
        return Enumerable.Range(0, scores.Length)
            .GroupBy(i => set.TrainLabels[i])
            .SelectMany(g => g.OrderByDescending(i => scores[i]).ThenBy(i => i).Take(quota[g.Key]))
            .Select(i => set.TrainIndices[i])
            .Order()
            .ToArray();
    }

    /// <summary>A seeded random subset with exactly the per-class counts of a coreset of <paramref name="fraction"/>, sorted.</summary>
    public static int[] Random(TrajectorySet set, double fraction, int seed)
    {
        var quota = set.QuotaPerClass(fraction);
        var random = new Random(seed);
        return Enumerable.Range(0, set.TrainIndices.Length)
            .GroupBy(i => set.TrainLabels[i])
            .OrderBy(g => g.Key)
            .SelectMany(g =>
            {
                var rows = g.ToArray();
                random.Shuffle(rows);
                return rows.Take(quota[g.Key]);
            })
            .Select(i => set.TrainIndices[i])
            .Order()
            .ToArray();
    }
}
