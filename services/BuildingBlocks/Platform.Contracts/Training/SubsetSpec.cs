namespace Platform.Contracts.Training;

/// <summary>Which training samples to use: a seeded random fraction or size, or an explicit index list (one of them).</summary>
public sealed record SubsetSpec
{
    /// <summary>Fraction of the training set in (0, 1].</summary>
    public double? Fraction { get; init; }

    /// <summary>Number of samples.</summary>
    public int? Size { get; init; }

    /// <summary>Explicit dataset indices.</summary>
    public int[]? Indices { get; init; }

    /// <summary>Seed of the random choice.</summary>
    public int Seed { get; init; }

    internal IEnumerable<string> Validate()
    {
        var given = (Fraction is null ? 0 : 1) + (Size is null ? 0 : 1) + (Indices is null ? 0 : 1);
        if (given != 1)
            yield return "subset needs exactly one of fraction, size or indices";
        if (Fraction is { } f && f is <= 0 or > 1)
            yield return $"subset.fraction must be in (0, 1] (got {f})";
        if (Size is < 1)
            yield return $"subset.size must be ≥ 1 (got {Size})";
        if (Indices is { Length: 0 })
            yield return "subset.indices is empty";
    }
}
