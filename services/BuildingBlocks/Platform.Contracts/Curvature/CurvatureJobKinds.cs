namespace Platform.Contracts.Curvature;

/// <summary>Job kinds of the Curvature service.</summary>
public static class CurvatureJobKinds
{
    /// <summary>Per-sample input-curvature and confidence scores of one model (<see cref="ScoreSpec"/>).</summary>
    public const string Score = "curvature.score";

    /// <summary>A membership-inference audit, run by Lab as a workflow of child jobs (<see cref="AuditSpec"/>).</summary>
    public const string Audit = "curvature.audit";

    /// <summary>The attacks and report of an audit, from its shadow masks and score artifacts (<see cref="AttackSpec"/>).</summary>
    public const string Attack = "curvature.attack";

    /// <summary>Per-sample curvature averaged over a training run's checkpoints, with mislabel and duplicate detection (<see cref="MemorizationSpec"/>).</summary>
    public const string Memorization = "curvature.memorization";

    /// <summary>The estimators, by the names the papers' code is reproduced under.</summary>
    public static readonly IReadOnlyList<string> Estimators = ["hutchinson_trace", "fd_gradnorm", "fd_gradnorm_sq", "zo_mixed_abs"];

    /// <summary>Membership attacks an audit can run; the curvature ones run once per estimator and mode.</summary>
    public static readonly IReadOnlyList<string> Attacks =
    [
        "loss", "calibrated_loss", "entropy", "lira_online", "lira_online_fixed", "lira_offline", "lira_offline_fixed",
        "rmia_offline", "curv_nll", "curv_lr",
    ];

    /// <summary>Versions of the curvature attack rules: <c>corrected</c> (proper Gaussians) and <c>faithful</c> (the released code).</summary>
    public static readonly IReadOnlyList<string> CurvatureModes = ["corrected", "faithful"];
}
