namespace Platform.Training.Methods.Data;

/// <summary>
/// IN/OUT membership masks for a shadow-model set (LiRA's construction): each of the <c>models</c> trains on
/// a random subset, and every sample is IN for exactly <c>round(models · pIn)</c> of them, so per-sample IN and
/// OUT distributions have the same number of models for every sample.
/// </summary>
public static class ShadowMasks
{
    /// <summary>masks[model][sample] = true when the model trains on the sample.</summary>
    public static bool[][] Balanced(int models, int samples, int seed, double pIn = 0.5)
    {
        if (models < 2)
            throw new ArgumentOutOfRangeException(nameof(models), $"a shadow set needs at least 2 models (got {models})");
        if (samples < 1)
            throw new ArgumentOutOfRangeException(nameof(samples), "the dataset is empty");
        if (pIn is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(pIn), $"the IN probability must be in (0, 1) (got {pIn})");
        var inCount = (int)Math.Round(models * pIn);
        if (inCount is 0 || inCount == models)
            throw new ArgumentException($"with {models} models and pIn={pIn} every sample would be always IN or always OUT; use more models");
        var random = new Random(seed);
        var masks = Enumerable.Range(0, models).Select(_ => new bool[samples]).ToArray();
        var order = Enumerable.Range(0, models).ToArray();
        for (var s = 0; s < samples; s++)
        {
            random.Shuffle(order);
            for (var k = 0; k < inCount; k++)
                masks[order[k]][s] = true;
        }
        return masks;
    }

    /// <summary>The sorted training indices of one model's mask.</summary>
    public static int[] Members(bool[] mask) => Enumerable.Range(0, mask.Length).Where(i => mask[i]).ToArray();
}
