namespace Platform.Training.Methods.Coresets;

/// <summary>CSL (Ravikumar et al. 2025): a sample's training loss summed over epochs, the cheap memorization proxy.</summary>
public static class CumulativeSampleLoss
{
    /// <summary>Per-sample sums of <paramref name="trajectories"/>[sample][epoch].</summary>
    public static double[] Scores(IReadOnlyList<float[]> trajectories) =>
        trajectories.Select(t => t.Sum(v => (double)v)).ToArray();
}
