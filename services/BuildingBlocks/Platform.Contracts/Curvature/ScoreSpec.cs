using Platform.Contracts.Jobs;

namespace Platform.Contracts.Curvature;

/// <summary>
/// Spec of <see cref="CurvatureJobKinds.Score"/>: score samples of a dataset split with a registered model, with
/// each requested estimator on each view (original, horizontally flipped), plus loss and confidence signals.
/// </summary>
public sealed record ScoreSpec : IJobSpec, IReferencesModels
{
    /// <summary>The model to score with.</summary>
    public ModelReference Model { get; init; } = new();

    /// <summary>train or test split of the model's dataset.</summary>
    public string Split { get; init; } = "train";

    /// <summary>Dataset indices to score (null = the first <see cref="Limit"/> samples, or all).</summary>
    public int[]? Indices { get; init; }

    /// <summary>Score only the first this many samples when no indices are given.</summary>
    public int? Limit { get; init; }

    /// <summary>Estimators to run (names of <see cref="CurvatureJobKinds.Estimators"/>).</summary>
    public string[] Estimators { get; init; } = ["fd_gradnorm"];

    /// <summary>Directions per sample (n; k for Hutchinson).</summary>
    public int Directions { get; init; } = 10;

    /// <summary>Finite-difference step h.</summary>
    public double Step { get; init; } = 1e-3;

    /// <summary>Seed of the directions.</summary>
    public int Seed { get; init; }

    /// <summary>Samples per batch (scores do not depend on it).</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>original and/or flipped.</summary>
    public string[] Views { get; init; } = ["original"];

    /// <summary>Evaluate the zero-order differences in float64 (recommended; float32 at h=1e-3 is mostly rounding).</summary>
    public bool Float64Differences { get; init; } = true;

    /// <summary>auto, cpu or cuda:N.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>CPU threads (0 = all cores).</summary>
    public int Threads { get; init; }

    IEnumerable<ModelReference> IReferencesModels.Models => [Model];

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Model.Name))
            yield return "model.name is empty; name a registered model (e.g. the modelName of a train job)";
        if (Split is not ("train" or "test"))
            yield return $"split must be train or test (got '{Split}')";
        if (Indices is { Length: 0 })
            yield return "indices is empty; give at least one dataset index or leave it out";
        if (Indices?.Any(i => i < 0) == true)
            yield return "indices must be ≥ 0";
        if (Limit is < 1)
            yield return $"limit must be ≥ 1 (got {Limit})";
        if (Estimators.Length == 0)
            yield return $"estimators is empty; use some of {string.Join(", ", CurvatureJobKinds.Estimators)}";
        foreach (var e in Estimators.Where(e => !CurvatureJobKinds.Estimators.Contains(e)))
            yield return $"estimator '{e}' is unknown; use {string.Join(", ", CurvatureJobKinds.Estimators)}";
        if (Directions is < 1 or > 10_000)
            yield return $"directions must be between 1 and 10000 (got {Directions})";
        if (Step is <= 0 or > 1 || double.IsNaN(Step))
            yield return $"step must be in (0, 1] (got {Step})";
        if (BatchSize is < 1 or > 65_536)
            yield return $"batchSize must be between 1 and 65536 (got {BatchSize})";
        if (Views.Length == 0 || Views.Any(v => v is not ("original" or "flipped")))
            yield return "views must be a non-empty list of original and/or flipped";
    }
}
