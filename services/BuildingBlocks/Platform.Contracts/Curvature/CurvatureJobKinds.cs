namespace Platform.Contracts.Curvature;

/// <summary>Job kinds of the Curvature service.</summary>
public static class CurvatureJobKinds
{
    /// <summary>Per-sample input-curvature and confidence scores of one model (<see cref="ScoreSpec"/>).</summary>
    public const string Score = "curvature.score";

    /// <summary>Per-sample curvature averaged over a training run's checkpoints, with mislabel and duplicate detection (<see cref="MemorizationSpec"/>).</summary>
    public const string Memorization = "curvature.memorization";

    /// <summary>The estimators, by the names the papers' code is reproduced under.</summary>
    public static readonly IReadOnlyList<string> Estimators = ["hutchinson_trace", "fd_gradnorm", "fd_gradnorm_sq", "zo_mixed_abs"];
}
