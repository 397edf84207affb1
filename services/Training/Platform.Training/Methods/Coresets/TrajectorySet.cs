using Platform.Torch;

namespace Platform.Training.Methods.Coresets;

/// <summary>
/// What coreset selection reads: every training sample's loss per epoch with its dataset index and label, and the
/// same for the held-out validation samples (rows are [sample][epoch]).
/// </summary>
public sealed record TrajectorySet(
    float[][] TrainLosses, int[] TrainLabels, int[] TrainIndices, float[][] ValidationLosses, int[] ValidationLabels)
{
    /// <summary>
    /// Reads the tensors of a <c>trajectories.safetensors</c> artifact (<c>train.loss</c>, <c>train.label</c>,
    /// <c>train.dataset_index</c>, <c>val.loss</c>, <c>val.label</c>).
    /// </summary>
    public static TrajectorySet FromTensors(IReadOnlyDictionary<string, Tensor> tensors)
    {
        foreach (var key in new[] { "train.loss", "train.label", "train.dataset_index" })
            if (!tensors.ContainsKey(key))
                throw new ArgumentException($"the trajectories have no '{key}'; the source run must record trajectories (recordTrajectories=true)");
        if (!tensors.ContainsKey("val.loss"))
            throw new ArgumentException("the trajectories have no validation losses; train the source run with validationFraction > 0");
        return new TrajectorySet(
            Rows(tensors["train.loss"]), Ints(tensors["train.label"]), Ints(tensors["train.dataset_index"]),
            Rows(tensors["val.loss"]), Ints(tensors["val.label"]));
    }

    /// <summary>How many samples of each class a coreset of <paramref name="fraction"/> keeps (at least one).</summary>
    public Dictionary<int, int> QuotaPerClass(double fraction) =>
        TrainLabels.GroupBy(l => l).ToDictionary(g => g.Key, g => Math.Max(1, (int)Math.Round(g.Count() * fraction)));

    private static float[][] Rows(Tensor t)
    {
        var (n, e) = ((int)t.Shape[0], (int)t.Shape[1]);
        var flat = t.ToArray<float>();
        return Enumerable.Range(0, n).Select(i => flat.AsSpan(i * e, e).ToArray()).ToArray();
    }

    private static int[] Ints(Tensor t) => t.ToArray<long>().Select(v => (int)v).ToArray();
}
