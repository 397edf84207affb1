namespace Platform.Training.Methods.Privacy;

/// <summary>
/// Poisson sampling for DP-SGD: every step includes each sample independently with probability q, which is the
/// sampling the RDP accountant assumes. Batches have random sizes (possibly empty); an epoch is 1/q steps.
/// </summary>
public sealed class PoissonSampler(int datasetSize, double samplingRate, int seed)
{
    /// <summary>Steps in one epoch (round(1/q)).</summary>
    public int StepsPerEpoch { get; } = Math.Max(1, (int)Math.Round(1 / samplingRate));

    /// <summary>The batch of a global step: positions into the training set. The same step always gives the same batch.</summary>
    public int[] Batch(long step)
    {
        var random = new Random(StepSeed(seed, step));
        var batch = new List<int>((int)(samplingRate * datasetSize * 1.2) + 1);
        for (var i = 0; i < datasetSize; i++)
            if (random.NextDouble() < samplingRate)
                batch.Add(i);
        return batch.ToArray();
    }

    // SplitMix64 of (seed, step): stable across processes, unlike HashCode.Combine.
    private static int StepSeed(int seed, long step)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)step);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }
}
