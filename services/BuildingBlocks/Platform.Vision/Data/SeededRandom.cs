namespace Platform.Vision.Data;

/// <summary>
/// A small deterministic generator (SplitMix64) for shuffles and augmentation choices. Unlike
/// System.Random its sequence is fixed by this code, so a seed reproduces runs across .NET versions.
/// </summary>
public sealed class SeededRandom
{
    private ulong _state;

    /// <summary>Creates the generator for <paramref name="seed"/>; <paramref name="stream"/> gives independent sequences (e.g. one per epoch).</summary>
    public SeededRandom(ulong seed, ulong stream = 0)
    {
        _state = seed;
        _state = NextUInt64() ^ (stream * 0xD1B54A32D192ED03UL);
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>) without modulo bias.</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var bound = (ulong)maxExclusive;
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong r;
        do
        {
            r = NextUInt64();
        }
        while (r >= limit);
        return (int)(r % bound);
    }

    /// <summary>Uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
