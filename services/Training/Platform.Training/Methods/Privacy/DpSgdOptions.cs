namespace Platform.Training.Methods.Privacy;

/// <summary>DP-SGD settings: per-sample clipping norm C and noise multiplier σ (noise std = σ·C).</summary>
/// <param name="MaxGradNorm">Per-sample gradients are scaled down to at most this L2 norm (all parameters together).</param>
/// <param name="NoiseMultiplier">Gaussian noise of std σ·C is added to the sum of clipped gradients.</param>
/// <param name="Seed">Seeds the noise (step by step, so a resumed run draws the same noise).</param>
public sealed record DpSgdOptions(double MaxGradNorm, double NoiseMultiplier, ulong Seed);
