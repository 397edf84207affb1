namespace Platform.Training.Methods.Data;

/// <summary>One injected duplicate: a copy of <paramref name="Source"/> appended with a different label.</summary>
public sealed record Duplicate(int Source, int Label);

/// <summary>
/// Chooses samples to duplicate with conflicting labels (the same image twice, two labels): the duplicates are
/// appended after the original samples, so their dataset indices are <c>count + k</c>.
/// </summary>
public static class ConflictingDuplicates
{
    /// <summary><paramref name="howMany"/> distinct sources, each copy labelled with a random other class.</summary>
    public static IReadOnlyList<Duplicate> Choose(IReadOnlyList<int> labels, int classes, int howMany, int seed)
    {
        if (howMany < 0 || howMany > labels.Count)
            throw new ArgumentOutOfRangeException(nameof(howMany), $"duplicates must be between 0 and {labels.Count} (got {howMany})");
        var random = new Random(seed);
        var order = Enumerable.Range(0, labels.Count).ToArray();
        random.Shuffle(order);
        return order[..howMany].Order()
            .Select(s => new Duplicate(s, (labels[s] + 1 + random.Next(classes - 1)) % classes))
            .ToList();
    }
}
