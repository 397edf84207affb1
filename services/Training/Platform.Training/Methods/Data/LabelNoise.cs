namespace Platform.Training.Methods.Data;

/// <summary>Injects label noise at a rate, reproducibly for a seed, and records which labels changed.</summary>
public static class LabelNoise
{
    /// <summary>
    /// Fashion-MNIST's confusable pairs, the usual asymmetric map: T-shirt↔Shirt, Pullover↔Coat, Sandal↔Sneaker;
    /// other classes go to the next class.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, int> FashionMnistMap = new Dictionary<int, int>
    {
        [0] = 6, [6] = 0, [2] = 4, [4] = 2, [5] = 7, [7] = 5, [1] = 3, [3] = 1, [8] = 9, [9] = 8,
    };

    /// <summary>Changes round(rate · n) labels (chosen at random) to a wrong class.</summary>
    public static CorruptedLabels Inject(
        IReadOnlyList<int> labels, int classes, double rate, LabelNoiseKind kind, int seed,
        IReadOnlyDictionary<int, int>? map = null)
    {
        if (rate is < 0 or > 1 || double.IsNaN(rate))
            throw new ArgumentOutOfRangeException(nameof(rate), $"noise rate must be in [0, 1] (got {rate})");
        if (classes < 2)
            throw new ArgumentOutOfRangeException(nameof(classes), "label noise needs at least 2 classes");
        var random = new Random(seed);
        var result = labels.ToArray();
        var count = (int)Math.Round(rate * labels.Count);
        var chosen = Enumerable.Range(0, labels.Count).ToArray();
        random.Shuffle(chosen);
        var corrupted = chosen[..count];
        foreach (var i in corrupted)
        {
            result[i] = kind == LabelNoiseKind.Symmetric
                ? (labels[i] + 1 + random.Next(classes - 1)) % classes
                : MapOrNext(labels[i], classes, map);
        }
        Array.Sort(corrupted);
        return new CorruptedLabels(result, corrupted);
    }

    private static int MapOrNext(int label, int classes, IReadOnlyDictionary<int, int>? map)
    {
        var target = map is not null && map.TryGetValue(label, out var m) ? m : (label + 1) % classes;
        if (target == label || target < 0 || target >= classes)
            throw new ArgumentException($"the asymmetric map sends class {label} to {target}; it must go to another class in [0, {classes})");
        return target;
    }
}
