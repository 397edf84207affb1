namespace Platform.Training.Methods.Coresets;

/// <summary>
/// LTC / CLD coreset scores (Nagaraj, Ravikumar, Roy 2025): the Pearson correlation between a training sample's
/// epoch-to-epoch loss changes and the changes of its class's mean validation loss. Samples whose loss moves
/// with the held-out loss of their class are the ones that teach the class; the coreset is the top-k per class.
/// </summary>
public static class LossTrajectoryCorrelation
{
    /// <summary>
    /// Scores for every training sample. Trajectories are [sample][epoch] with the same number of epochs (at least 3).
    /// A sample with a constant loss (zero variance) scores 0.
    /// </summary>
    public static double[] Scores(
        IReadOnlyList<float[]> trainLosses, IReadOnlyList<int> trainLabels,
        IReadOnlyList<float[]> validationLosses, IReadOnlyList<int> validationLabels)
    {
        if (trainLosses.Count != trainLabels.Count || validationLosses.Count != validationLabels.Count)
            throw new ArgumentException("each loss trajectory needs exactly one label");
        var epochs = trainLosses.Count > 0 ? trainLosses[0].Length : 0;
        if (epochs < 3)
            throw new ArgumentException($"loss trajectories need at least 3 epochs to correlate their changes (got {epochs})");
        if (trainLosses.Concat(validationLosses).Any(t => t.Length != epochs))
            throw new ArgumentException($"every loss trajectory must have {epochs} epochs");
        var classTrend = validationLabels.Distinct().ToDictionary(c => c, c => Differences(MeanTrajectory(validationLosses, validationLabels, c)));
        var scores = new double[trainLosses.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            if (!classTrend.TryGetValue(trainLabels[i], out var trend))
                throw new ArgumentException($"class {trainLabels[i]} has no validation samples; use a class-stratified validation split");
            scores[i] = Pearson(Differences(trainLosses[i].Select(v => (double)v).ToArray()), trend);
        }
        return scores;
    }

    /// <summary>The indices of the <paramref name="perClass"/> highest scores of every class, sorted by index.</summary>
    public static int[] TopPerClass(IReadOnlyList<double> scores, IReadOnlyList<int> labels, int perClass)
    {
        if (perClass < 1)
            throw new ArgumentOutOfRangeException(nameof(perClass), $"samples per class must be at least 1 (got {perClass})");
        return Enumerable.Range(0, scores.Count)
            .GroupBy(i => labels[i])
            .SelectMany(g => g.OrderByDescending(i => scores[i]).ThenBy(i => i).Take(perClass))
            .Order()
            .ToArray();
    }

    private static double[] MeanTrajectory(IReadOnlyList<float[]> losses, IReadOnlyList<int> labels, int label)
    {
        var epochs = losses[0].Length;
        var sum = new double[epochs];
        var n = 0;
        for (var i = 0; i < losses.Count; i++)
        {
            if (labels[i] != label) continue;
            n++;
            for (var e = 0; e < epochs; e++) sum[e] += losses[i][e];
        }
        return sum.Select(s => s / n).ToArray();
    }

    private static double[] Differences(double[] x) => Enumerable.Range(1, x.Length - 1).Select(t => x[t] - x[t - 1]).ToArray();

    private static double Pearson(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.Sqrt(saa * sbb);
    }
}
