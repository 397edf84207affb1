namespace Platform.Training.Methods.Privacy;

/// <summary>Finds the smallest noise multiplier σ that keeps DP-SGD within a target ε (the accountant's ε falls as σ grows).</summary>
public static class NoiseCalibrator
{
    /// <summary>σ such that ε(σ) ≤ <paramref name="targetEpsilon"/>, within <paramref name="tolerance"/> of the boundary.</summary>
    public static double NoiseFor(
        double targetEpsilon, double samplingRate, long steps, double delta,
        RdpConversion conversion = RdpConversion.Improved, double tolerance = 0.01)
    {
        if (targetEpsilon <= 0 || double.IsNaN(targetEpsilon))
            throw new ArgumentOutOfRangeException(nameof(targetEpsilon), $"target ε must be positive (got {targetEpsilon})");
        double Eps(double sigma) => RdpAccountant.Epsilon(samplingRate, sigma, steps, delta, conversion).Epsilon;
        double low = 0, high = 10;
        while (Eps(high) > targetEpsilon)
        {
            low = high;
            high *= 2;
            if (high > 1e6)
                throw new ArgumentException($"no noise multiplier reaches ε={targetEpsilon} with q={samplingRate}, {steps} steps, δ={delta}");
        }
        while (high - low > tolerance)
        {
            var mid = (low + high) / 2;
            if (Eps(mid) > targetEpsilon) low = mid; else high = mid;
        }
        return high;
    }
}
