using Platform.Contracts.Jobs;
using Platform.Contracts.Training;

namespace Platform.Contracts.Curvature;

/// <summary>
/// Spec of <see cref="CurvatureJobKinds.Audit"/>, a membership-inference audit that Lab runs as a workflow:
/// (1) one <c>train.shadows</c> job trains <see cref="Shadows"/> + <see cref="Targets"/> models like <see cref="Train"/> on
/// balanced random halves of the first <see cref="PoolSize"/> training samples (the last <see cref="Targets"/> models are
/// the targets, as in Curvature Clues' masks 0–63 shadows, 64–66 targets); (2) one <c>curvature.score</c> job per model
/// scores the whole pool (loss, logit-scaled confidence, curvature <see cref="Estimators"/>); (3) one
/// <c>curvature.attack</c> job runs <see cref="Attacks"/> against each target and writes the report.
/// A DP audit is the same workflow with <c>train.privacy</c> set (every model is trained with DP-SGD).
/// </summary>
public sealed record AuditSpec : IJobSpec
{
    /// <summary>How every model is trained (dataset, architecture, epochs, optimizer, privacy); its subset is the mask's.</summary>
    public TrainSpec Train { get; init; } = new();

    /// <summary>Shadow models (reference models of the attacks).</summary>
    public int Shadows { get; init; } = 16;

    /// <summary>Target models attacked; metrics are reported per target and as mean ± std over targets.</summary>
    public int Targets { get; init; } = 1;

    /// <summary>The first this many training samples form the pool the masks split (members and non-members).</summary>
    public int PoolSize { get; init; } = 5000;

    /// <summary>Curvature estimators to score with (names of <see cref="CurvatureJobKinds.Estimators"/>).</summary>
    public string[] Estimators { get; init; } = ["zo_mixed_abs", "fd_gradnorm"];

    /// <summary>Directions per sample (n).</summary>
    public int Directions { get; init; } = 10;

    /// <summary>Finite-difference step h.</summary>
    public double Step { get; init; } = 1e-3;

    /// <summary>Views queried per sample (original and/or flipped), as Curvature Clues does.</summary>
    public string[] Views { get; init; } = ["original", "flipped"];

    /// <summary>Attacks to run (names of <see cref="CurvatureJobKinds.Attacks"/>).</summary>
    public string[] Attacks { get; init; } = [.. CurvatureJobKinds.Attacks];

    /// <summary>Curvature attack rules: <c>corrected</c> and/or <c>faithful</c> (see <see cref="CurvatureJobKinds.CurvatureModes"/>).</summary>
    public string[] Modes { get; init; } = ["corrected", "faithful"];

    /// <summary>RMIA's offline parameter a (Pr_IN ≈ a·Pr_OUT + 1 − a).</summary>
    public double RmiaA { get; init; } = 0.3;

    /// <summary>Seed of the masks and of the estimators' directions.</summary>
    public int Seed { get; init; }

    /// <summary>Samples per scoring batch.</summary>
    public int ScoreBatchSize { get; init; } = 256;

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (Shadows is < 4 or > 1024)
            yield return $"shadows must be between 4 and 1024 (got {Shadows}); LiRA needs 16 or more for per-sample variances";
        if (Shadows < 4 * Targets)
            yield return $"shadows must be at least 4 × targets ({4 * Targets}) so every sample has IN and OUT shadows (got {Shadows})";
        if (Targets is < 1 or > 16)
            yield return $"targets must be between 1 and 16 (got {Targets})";
        if (PoolSize < 20)
            yield return $"poolSize must be ≥ 20 (got {PoolSize})";
        if (Train.Subset is not null)
            yield return "train.subset must be empty: the shadow masks choose each model's subset of the pool";
        if (Train.ModelName is not null)
            yield return "train.modelName must be empty: the audit names its models audit-<job>-shadow-<k>";
        foreach (var p in Train.Validate()) yield return "train." + p;
        foreach (var p in AttackSpec.ValidateChoices(Estimators, Attacks, Modes)) yield return p;
        if (Directions is < 1 or > 10_000)
            yield return $"directions must be between 1 and 10000 (got {Directions})";
        if (Step is <= 0 or > 1 || double.IsNaN(Step))
            yield return $"step must be in (0, 1] (got {Step})";
        if (Views.Length == 0 || Views.Any(v => v is not ("original" or "flipped")) || Views.Distinct().Count() != Views.Length)
            yield return "views must be a non-empty list of original and/or flipped";
        if (RmiaA is < 0 or > 1 || double.IsNaN(RmiaA))
            yield return $"rmiaA must be in [0, 1] (got {RmiaA})";
        if (ScoreBatchSize is < 1 or > 65_536)
            yield return $"scoreBatchSize must be between 1 and 65536 (got {ScoreBatchSize})";
    }
}
