namespace Platform.Contracts.Training;

/// <summary>Injected label noise (the changed indices are recorded as an artifact).</summary>
public sealed record LabelNoiseSpec
{
    /// <summary>Fraction of training labels changed, in [0, 1].</summary>
    public double Rate { get; init; }

    /// <summary>symmetric (any other class) or asymmetric (confusable class map).</summary>
    public string Kind { get; init; } = "symmetric";

    /// <summary>Seed of the choice.</summary>
    public int Seed { get; init; }

    /// <summary>Also append this many duplicates of training images with a conflicting label.</summary>
    public int ConflictingDuplicates { get; init; }

    internal IEnumerable<string> Validate()
    {
        if (Rate is < 0 or > 1 || double.IsNaN(Rate))
            yield return $"labelNoise.rate must be in [0, 1] (got {Rate})";
        if (Kind is not ("symmetric" or "asymmetric"))
            yield return $"labelNoise.kind must be symmetric or asymmetric (got '{Kind}')";
        if (ConflictingDuplicates < 0)
            yield return $"labelNoise.conflictingDuplicates must be ≥ 0 (got {ConflictingDuplicates})";
    }
}
