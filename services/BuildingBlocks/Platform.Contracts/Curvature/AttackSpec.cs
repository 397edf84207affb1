using Platform.Contracts.Jobs;

namespace Platform.Contracts.Curvature;

/// <summary>
/// Spec of <see cref="CurvatureJobKinds.Attack"/>: membership attacks on the <see cref="Targets"/> models of a shadow
/// set, the other models serving as shadows. Inputs are artifacts by content hash: the set's
/// <c>masks.safetensors</c> and one <c>scores.safetensors</c> per model (in model order) covering the same pool.
/// The audit workflow fills it in; it can also be submitted by hand.
/// </summary>
public sealed record AttackSpec : IJobSpec
{
    /// <summary>sha256 of the shadow set's <c>masks.safetensors</c> (tensor <c>in</c> [model, sample]).</summary>
    public string Masks { get; init; } = "";

    /// <summary>sha256 of each model's <c>scores.safetensors</c>, index = model index.</summary>
    public string[] Scores { get; init; } = [];

    /// <summary>Model indices attacked; every other model is a shadow.</summary>
    public int[] Targets { get; init; } = [];

    /// <summary>Curvature estimators whose scores feed the curvature attacks.</summary>
    public string[] Estimators { get; init; } = [];

    /// <summary>Attacks to run (names of <see cref="CurvatureJobKinds.Attacks"/>).</summary>
    public string[] Attacks { get; init; } = [.. CurvatureJobKinds.Attacks];

    /// <summary>Curvature attack rules: <c>corrected</c> and/or <c>faithful</c>.</summary>
    public string[] Modes { get; init; } = ["corrected"];

    /// <summary>RMIA's offline parameter a.</summary>
    public double RmiaA { get; init; } = 0.3;

    /// <summary>Bins of the member/non-member histograms.</summary>
    public int HistogramBins { get; init; } = 40;

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (!IsSha256(Masks))
            yield return "masks must be the sha256 (64 hex digits) of a shadow set's masks.safetensors artifact";
        if (Scores.Length < 3)
            yield return $"scores must name at least 3 models' scores.safetensors (got {Scores.Length})";
        if (Scores.Any(s => !IsSha256(s)))
            yield return "every entry of scores must be a sha256 (64 hex digits) of a scores.safetensors artifact";
        if (Targets.Length == 0)
            yield return "targets is empty; name the model indices to attack";
        if (Targets.Any(t => t < 0 || t >= Scores.Length))
            yield return $"targets must be model indices in 0..{Scores.Length - 1}";
        if (Scores.Length - Targets.Distinct().Count() < 2)
            yield return "at least 2 models must remain as shadows besides the targets";
        foreach (var p in ValidateChoices(Estimators, Attacks, Modes)) yield return p;
        if (RmiaA is < 0 or > 1 || double.IsNaN(RmiaA))
            yield return $"rmiaA must be in [0, 1] (got {RmiaA})";
        if (HistogramBins is < 2 or > 1000)
            yield return $"histogramBins must be between 2 and 1000 (got {HistogramBins})";
    }

    /// <summary>Problems with a choice of estimators, attacks and curvature modes.</summary>
    public static IEnumerable<string> ValidateChoices(string[] estimators, string[] attacks, string[] modes)
    {
        foreach (var e in estimators.Where(e => !CurvatureJobKinds.Estimators.Contains(e)))
            yield return $"estimator '{e}' is unknown; use {string.Join(", ", CurvatureJobKinds.Estimators)}";
        if (attacks.Length == 0)
            yield return $"attacks is empty; use some of {string.Join(", ", CurvatureJobKinds.Attacks)}";
        foreach (var a in attacks.Where(a => !CurvatureJobKinds.Attacks.Contains(a)))
            yield return $"attack '{a}' is unknown; use {string.Join(", ", CurvatureJobKinds.Attacks)}";
        if (attacks.Any(a => a.StartsWith("curv_", StringComparison.Ordinal)) && estimators.Length == 0)
            yield return "the curvature attacks need at least one estimator (e.g. zo_mixed_abs)";
        foreach (var m in modes.Where(m => !CurvatureJobKinds.CurvatureModes.Contains(m)))
            yield return $"mode '{m}' is unknown; use corrected and/or faithful";
        if (modes.Length == 0)
            yield return "modes is empty; use corrected and/or faithful";
    }

    private static bool IsSha256(string value) => value.Length == 64 && value.All(Uri.IsHexDigit);
}
