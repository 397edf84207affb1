namespace Platform.Training.Methods.Privacy;

/// <summary>
/// Rényi-DP accountant of the sampled Gaussian mechanism (Mironov, Talwar and Zhang 2019): DP-SGD with
/// sampling rate q and noise multiplier σ over a number of steps, converted to (ε, δ) at the best order.
/// The orders are Opacus's and TF Privacy's defaults.
/// </summary>
public static class RdpAccountant
{
    /// <summary>1.1, 1.2, …, 10.9 and 12, 13, …, 63.</summary>
    public static readonly IReadOnlyList<double> DefaultOrders =
        Enumerable.Range(1, 99).Select(x => 1 + x / 10.0).Concat(Enumerable.Range(12, 52).Select(x => (double)x)).ToArray();

    /// <summary>ε after <paramref name="steps"/> steps, and the order that gave it.</summary>
    public static (double Epsilon, double Order) Epsilon(
        double samplingRate, double noiseMultiplier, long steps, double delta,
        RdpConversion conversion = RdpConversion.Improved, IReadOnlyList<double>? orders = null)
    {
        Validate(samplingRate, noiseMultiplier, steps, delta);
        orders ??= DefaultOrders;
        var best = (Epsilon: double.PositiveInfinity, Order: double.NaN);
        foreach (var alpha in orders)
        {
            var rdp = steps * Rdp(samplingRate, noiseMultiplier, alpha);
            var eps = conversion == RdpConversion.Classic
                ? rdp - Math.Log(delta) / (alpha - 1)
                : rdp + Math.Log((alpha - 1) / alpha) - (Math.Log(delta) + Math.Log(alpha)) / (alpha - 1);
            if (eps < best.Epsilon)
                best = (eps, alpha);
        }
        return (Math.Max(0, best.Epsilon), best.Order);
    }

    /// <summary>RDP of one step at order α.</summary>
    public static double Rdp(double q, double sigma, double alpha)
    {
        if (q == 0) return 0;
        if (sigma == 0) return double.PositiveInfinity;
        if (q == 1) return alpha / (2 * sigma * sigma);
        var logA = alpha == Math.Floor(alpha) ? LogAInteger(q, sigma, (int)alpha) : LogAFractional(q, sigma, alpha);
        return logA / (alpha - 1);
    }

    private static double LogAInteger(double q, double sigma, int alpha)
    {
        var logA = double.NegativeInfinity;
        var logBinom = 0.0; // log C(α, 0)
        for (var i = 0; i <= alpha; i++)
        {
            if (i > 0)
                logBinom += Math.Log(alpha - i + 1) - Math.Log(i);
            var term = logBinom + i * Math.Log(q) + (alpha - i) * Math.Log(1 - q) + (i * (double)i - i) / (2 * sigma * sigma);
            logA = LogSpace.Add(logA, term);
        }
        return logA;
    }

    private static double LogAFractional(double q, double sigma, double alpha)
    {
        // Two series over i, for the parts of the integral left and right of z0 (MTZ19, Section 3.3).
        double logA0 = double.NegativeInfinity, logA1 = double.NegativeInfinity;
        var z0 = sigma * sigma * Math.Log(1 / q - 1) + 0.5;
        var coef = 1.0; // C(α, i), signed
        for (var i = 0; i < 100_000; i++)
        {
            if (i > 0)
                coef *= (alpha - i + 1) / i;
            var logCoef = Math.Log(Math.Abs(coef));
            var j = alpha - i;
            var logT0 = logCoef + i * Math.Log(q) + j * Math.Log(1 - q);
            var logT1 = logCoef + j * Math.Log(q) + i * Math.Log(1 - q);
            var logE0 = Math.Log(0.5) + LogSpace.LogErfc((i - z0) / (Math.Sqrt(2) * sigma));
            var logE1 = Math.Log(0.5) + LogSpace.LogErfc((z0 - j) / (Math.Sqrt(2) * sigma));
            var logS0 = logT0 + (i * (double)i - i) / (2 * sigma * sigma) + logE0;
            var logS1 = logT1 + (j * j - j) / (2 * sigma * sigma) + logE1;
            if (coef > 0)
            {
                logA0 = LogSpace.Add(logA0, logS0);
                logA1 = LogSpace.Add(logA1, logS1);
            }
            else
            {
                logA0 = LogSpace.Sub(logA0, logS0);
                logA1 = LogSpace.Sub(logA1, logS1);
            }
            if (Math.Max(logS0, logS1) < -30)
                break;
        }
        return LogSpace.Add(logA0, logA1);
    }

    private static void Validate(double q, double sigma, long steps, double delta)
    {
        if (q is < 0 or > 1 || double.IsNaN(q))
            throw new ArgumentOutOfRangeException(nameof(q), $"sampling rate must be in [0, 1] (got {q})");
        if (sigma < 0 || double.IsNaN(sigma))
            throw new ArgumentOutOfRangeException(nameof(sigma), $"noise multiplier must be ≥ 0 (got {sigma})");
        if (steps < 0)
            throw new ArgumentOutOfRangeException(nameof(steps), $"steps must be ≥ 0 (got {steps})");
        if (delta is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(delta), $"δ must be in (0, 1) (got {delta})");
    }
}
