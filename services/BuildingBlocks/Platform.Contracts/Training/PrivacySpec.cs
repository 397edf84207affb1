namespace Platform.Contracts.Training;

/// <summary>DP-SGD: give noiseMultiplier, or targetEpsilon to have σ chosen for the whole run.</summary>
public sealed record PrivacySpec
{
    /// <summary>Per-sample clipping norm C.</summary>
    public double MaxGradNorm { get; init; } = 1.0;

    /// <summary>Noise multiplier σ (std of the noise = σ·C).</summary>
    public double? NoiseMultiplier { get; init; }

    /// <summary>Target ε at <see cref="Delta"/> after all epochs; σ is calibrated to it.</summary>
    public double? TargetEpsilon { get; init; }

    /// <summary>δ of the reported (ε, δ).</summary>
    public double Delta { get; init; } = 1e-5;

    /// <summary>poisson (what the accountant assumes) or shuffle (fixed-size batches).</summary>
    public string Sampling { get; init; } = "poisson";

    internal IEnumerable<string> Validate()
    {
        if (MaxGradNorm <= 0)
            yield return $"privacy.maxGradNorm must be positive (got {MaxGradNorm})";
        if ((NoiseMultiplier is null) == (TargetEpsilon is null))
            yield return "privacy needs exactly one of noiseMultiplier or targetEpsilon";
        if (NoiseMultiplier is < 0)
            yield return $"privacy.noiseMultiplier must be ≥ 0 (got {NoiseMultiplier})";
        if (TargetEpsilon is <= 0)
            yield return $"privacy.targetEpsilon must be positive (got {TargetEpsilon})";
        if (Delta is <= 0 or >= 1)
            yield return $"privacy.delta must be in (0, 1) (got {Delta})";
        if (Sampling is not ("poisson" or "shuffle"))
            yield return $"privacy.sampling must be poisson or shuffle (got '{Sampling}')";
    }
}
