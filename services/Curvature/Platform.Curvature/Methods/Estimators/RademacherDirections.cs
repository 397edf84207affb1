using Platform.Torch;

namespace Platform.Curvature.Methods.Estimators;

/// <summary>
/// ±1 directions drawn per sample from (seed, dataset index, draw), so a sample's directions, and hence its score,
/// do not depend on which batch it lands in or on the batch size.
/// </summary>
public static class RademacherDirections
{
    /// <summary>A [batch, ...sampleShape] tensor of ±1 for draw <paramref name="draw"/> of each sample.</summary>
    public static Tensor For(IReadOnlyList<int> datasetIndices, long[] sampleShape, ulong seed, int draw, ulong stream = 0)
    {
        var perSample = sampleShape.Aggregate(1L, (a, b) => a * b);
        var values = new float[datasetIndices.Count * perSample];
        for (var i = 0; i < datasetIndices.Count; i++)
        {
            var state = Mix(Mix(Mix(seed) ^ (ulong)datasetIndices[i]) ^ ((ulong)draw << 32 | stream));
            var offset = i * perSample;
            for (var j = 0L; j < perSample; j += 64)
            {
                state = Mix(state);
                var bits = state;
                var count = Math.Min(64, perSample - j);
                for (var b = 0; b < count; b++)
                    values[offset + j + b] = ((bits >> b) & 1) == 0 ? -1f : 1f;
            }
        }
        return Tensor.From(values, [datasetIndices.Count, .. sampleShape]);
    }

    // SplitMix64 finaliser: a cheap, well-mixed, platform-independent hash.
    private static ulong Mix(ulong z)
    {
        z = unchecked(z + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
