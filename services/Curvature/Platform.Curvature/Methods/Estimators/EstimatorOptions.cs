namespace Platform.Curvature.Methods.Estimators;

/// <summary>Settings shared by the input-curvature estimators.</summary>
/// <param name="Directions">Random directions per sample (n, or k for Hutchinson).</param>
/// <param name="Step">Finite-difference step h (FD and ZO estimators).</param>
/// <param name="Seed">Seed of the directions.</param>
/// <param name="Float64Differences">ZO only: evaluate the four losses in float64 (float32 at h=1e-3 is dominated by rounding).</param>
public sealed record EstimatorOptions(int Directions = 10, double Step = 1e-3, ulong Seed = 0, bool Float64Differences = true);
