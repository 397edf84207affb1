using Platform.Contracts.Jobs;

namespace Platform.Contracts.Curvature;

/// <summary>
/// Spec of <see cref="CurvatureJobKinds.Memorization"/> (Garg, Ravikumar and Roy, ICML 2024): each training sample's
/// input curvature, with its labels as trained, averaged over the checkpoints of a finished training run; the
/// top-k gallery; and, when the run injected them, detection of its noisy labels and conflicting duplicates,
/// with CSL from the run's trajectories alongside as the baseline.
/// </summary>
public sealed record MemorizationSpec : IJobSpec, IReferencesTrainingRun
{
    /// <summary>The finished <c>train</c> job.</summary>
    public Guid TrainingJobId { get; init; }

    /// <summary>Use every k-th registered checkpoint (the run saves one every <c>checkpointEvery</c> epochs).</summary>
    public int Every { get; init; } = 1;

    /// <summary>The estimator (one of <see cref="CurvatureJobKinds.Estimators"/>); fd_gradnorm is the papers' released code.</summary>
    public string Estimator { get; init; } = "fd_gradnorm";

    /// <summary>Directions per sample (n).</summary>
    public int Directions { get; init; } = 10;

    /// <summary>Finite-difference step h.</summary>
    public double Step { get; init; } = 1e-3;

    /// <summary>Seed of the directions (the same directions at every checkpoint).</summary>
    public int Seed { get; init; }

    /// <summary>Size of the gallery of highest-curvature samples.</summary>
    public int TopK { get; init; } = 25;

    /// <summary>Score only the first this many training samples (by position in the run's training set; null = all).</summary>
    public int? Limit { get; init; }

    /// <summary>Samples per batch (scores do not depend on it).</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Evaluate zo_mixed_abs in float64.</summary>
    public bool Float64Differences { get; init; } = true;

    /// <summary>auto, cpu or cuda:N.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>CPU threads (0 = all cores).</summary>
    public int Threads { get; init; }

    /// <inheritdoc />
    public List<ModelReference> Checkpoints { get; init; } = [];

    /// <inheritdoc />
    public string? MembershipSha256 { get; set; }

    /// <inheritdoc />
    public string? TrajectoriesSha256 { get; set; }

    IEnumerable<ModelReference> IReferencesModels.Models => Checkpoints;

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (TrainingJobId == Guid.Empty)
            yield return "trainingJobId is required: the id of a finished train job";
        if (Every < 1)
            yield return $"every must be ≥ 1 (got {Every})";
        if (!CurvatureJobKinds.Estimators.Contains(Estimator))
            yield return $"estimator '{Estimator}' is unknown; use one of {string.Join(", ", CurvatureJobKinds.Estimators)}";
        if (Directions is < 1 or > 10_000)
            yield return $"directions must be between 1 and 10000 (got {Directions})";
        if (Step is <= 0 or > 1 || double.IsNaN(Step))
            yield return $"step must be in (0, 1] (got {Step})";
        if (TopK is < 1 or > 1000)
            yield return $"topK must be between 1 and 1000 (got {TopK})";
        if (Limit is < 1)
            yield return $"limit must be ≥ 1 when set (got {Limit})";
        if (BatchSize is < 1 or > 65_536)
            yield return $"batchSize must be between 1 and 65536 (got {BatchSize})";
        if (Threads < 0)
            yield return $"threads must be ≥ 0 (got {Threads})";
    }
}
