using Platform.Contracts.Training;
using Platform.Training.Methods.Data;
using Platform.Vision.Datasets;

namespace Platform.Training.Methods.Training;

/// <summary>
/// Turns a spec's dataset choices into the exact training set: subset, class-stratified validation hold-out,
/// injected label noise and conflicting duplicates, each reproducible for its seed and recorded.
/// </summary>
public static class TrainingDataBuilder
{
    /// <summary>Builds from the train and test splits of the spec's dataset.</summary>
    public static PreparedData Build(TrainSpec spec, IImageDataset train, IImageDataset test)
    {
        var n = train.Count;
        var pool = spec.Subset switch
        {
            null => Enumerable.Range(0, n).ToArray(),
            { Indices: { } list } => SubsetSelector.Explicit(n, list),
            { Size: { } size } => SubsetSelector.Random(n, size, spec.Subset.Seed),
            { Fraction: { } f } => SubsetSelector.Fraction(n, f, spec.Subset.Seed),
            _ => throw new ArgumentException("subset needs one of fraction, size or indices"),
        };
        var (members, validation) = spec.ValidationFraction > 0
            ? StratifiedSplit(pool, train.Labels, spec.ValidationFraction, spec.Seed)
            : (pool, Array.Empty<int>());
        var labels = members.Select(i => train.Labels[i]).ToArray();
        var corrupted = Array.Empty<int>();
        IReadOnlyList<Duplicate> duplicates = [];
        if (spec.LabelNoise is { } noise)
        {
            var kind = noise.Kind == "asymmetric" ? LabelNoiseKind.Asymmetric : LabelNoiseKind.Symmetric;
            var map = train.NumClasses == 10 && spec.Dataset.Contains("fashion", StringComparison.OrdinalIgnoreCase)
                ? LabelNoise.FashionMnistMap
                : null;
            var noisy = LabelNoise.Inject(labels, train.NumClasses, noise.Rate, kind, noise.Seed, map);
            labels = noisy.Labels;
            corrupted = noisy.Corrupted.Select(p => members[p]).ToArray();
            if (noise.ConflictingDuplicates > 0)
                duplicates = ConflictingDuplicates.Choose(members.Select(i => train.Labels[i]).ToArray(), train.NumClasses,
                        noise.ConflictingDuplicates, noise.Seed + 1)
                    .Select(d => d with { Source = members[d.Source] })
                    .ToList();
        }
        var sourceIndices = members.Concat(duplicates.Select(d => d.Source)).ToArray();
        var datasetIndices = members.Concat(Enumerable.Range(n, duplicates.Count)).ToArray();
        var allLabels = labels.Concat(duplicates.Select(d => d.Label)).ToArray();
        return new PreparedData(
            spec.Dataset,
            new RelabeledDataset(train, sourceIndices, allLabels),
            datasetIndices,
            validation.Length > 0 ? train.Subset(validation) : null,
            validation,
            spec.TestSamples is { } t && t < test.Count ? test.Subset(Enumerable.Range(0, t).ToArray()) : test,
            corrupted,
            duplicates,
            n);
    }

    /// <summary>Holds out <paramref name="fraction"/> of every class (at least one sample per class present).</summary>
    public static (int[] Members, int[] Validation) StratifiedSplit(int[] pool, int[] labels, double fraction, int seed)
    {
        var random = new Random(seed);
        var validation = new List<int>();
        foreach (var group in pool.GroupBy(i => labels[i]))
        {
            var items = group.ToArray();
            random.Shuffle(items);
            validation.AddRange(items.Take(Math.Max(1, (int)Math.Round(items.Length * fraction))));
        }
        var held = validation.ToHashSet();
        return (pool.Where(i => !held.Contains(i)).ToArray(), validation.Order().ToArray());
    }
}
