namespace Platform.Training.Methods.Data;

/// <summary>Chooses which samples of a dataset a model trains on: a seeded random fraction or size, or an explicit list.</summary>
public static class SubsetSelector
{
    /// <summary>A seeded random subset of <paramref name="size"/> of the <paramref name="count"/> indices, sorted.</summary>
    public static int[] Random(int count, int size, int seed)
    {
        if (size < 1 || size > count)
            throw new ArgumentOutOfRangeException(nameof(size), $"subset size must be between 1 and the dataset's {count} samples (got {size})");
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var chosen = order[..size];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>A seeded random fraction (0, 1] of the indices, sorted; at least one sample.</summary>
    public static int[] Fraction(int count, double fraction, int seed)
    {
        if (fraction is <= 0 or > 1 || double.IsNaN(fraction))
            throw new ArgumentOutOfRangeException(nameof(fraction), $"subset fraction must be in (0, 1] (got {fraction})");
        return Random(count, Math.Max(1, (int)Math.Round(fraction * count)), seed);
    }

    /// <summary>Checks an explicit list: in range, no repeats; returns it sorted.</summary>
    public static int[] Explicit(int count, IReadOnlyCollection<int> indices)
    {
        if (indices.Count == 0)
            throw new ArgumentException("the index list is empty; give at least one dataset index");
        var bad = indices.Where(i => i < 0 || i >= count).Take(5).ToList();
        if (bad.Count > 0)
            throw new ArgumentOutOfRangeException(nameof(indices), $"indices must be in [0, {count}); out of range: {string.Join(", ", bad)}");
        var sorted = indices.Order().ToArray();
        for (var i = 1; i < sorted.Length; i++)
            if (sorted[i] == sorted[i - 1])
                throw new ArgumentException($"index {sorted[i]} appears more than once in the index list");
        return sorted;
    }
}
