using Platform.Contracts.Jobs;

namespace Platform.Contracts.Training;

/// <summary>
/// Spec of <see cref="TrainingJobKinds.ShadowSet"/>: <see cref="Models"/> models trained like <see cref="Train"/>, each
/// on a random subset of the pool in which every sample is IN for exactly half of the models (LiRA's masks).
/// The masks and every model are recorded; this is the input of LiRA and the curvature MIAs.
/// </summary>
public sealed record ShadowSetSpec : IJobSpec
{
    /// <summary>How each model is trained (its subset is replaced by the shadow mask).</summary>
    public TrainSpec Train { get; init; } = new();

    /// <summary>Number of shadow models (at least 2; LiRA uses 16–256).</summary>
    public int Models { get; init; } = 4;

    /// <summary>Probability that a sample is IN for a model.</summary>
    public double InFraction { get; init; } = 0.5;

    /// <summary>Size of the pool the masks cover: the first N training samples (null = the whole training set).</summary>
    public int? PoolSize { get; init; }

    /// <summary>Seed of the masks.</summary>
    public int MaskSeed { get; init; }

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (Models is < 2 or > 1024)
            yield return $"models must be between 2 and 1024 (got {Models})";
        if (InFraction is <= 0 or >= 1)
            yield return $"inFraction must be in (0, 1) (got {InFraction})";
        if (PoolSize is < 2)
            yield return $"poolSize must be ≥ 2 (got {PoolSize})";
        if (Train.Subset is not null)
            yield return "train.subset must be empty: the shadow masks choose each model's subset";
        foreach (var p in Train.Validate()) yield return "train." + p;
    }
}
