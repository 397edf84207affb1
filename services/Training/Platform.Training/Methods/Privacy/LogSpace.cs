namespace Platform.Training.Methods.Privacy;

/// <summary>Arithmetic on numbers kept as their logarithms, so tiny and huge terms of the RDP sums stay exact.</summary>
internal static class LogSpace
{
    /// <summary>log(e^a + e^b).</summary>
    public static double Add(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        var (hi, lo) = a > b ? (a, b) : (b, a);
        return hi + Math.Log(1 + Math.Exp(lo - hi));
    }

    /// <summary>log(e^a − e^b) for a ≥ b.</summary>
    public static double Sub(double a, double b)
    {
        if (b > a)
            throw new ArgumentException("log-space subtraction would be negative");
        if (double.IsNegativeInfinity(b)) return a;
        if (a == b) return double.NegativeInfinity;
        return a + Math.Log(-double.ExpM1(b - a));
    }

    /// <summary>log(erfc(x)), accurate also far in the tail where erfc underflows.</summary>
    public static double LogErfc(double x)
    {
        if (x < 25)
            return Math.Log(MathNet.Numerics.SpecialFunctions.Erfc(x));
        // Asymptotic series of erfc for large x: e^{-x²}/(x√π) · (1 − 1/(2x²) + 3/(4x⁴) − 15/(8x⁶)).
        var r = 1 / (x * x);
        return -x * x - Math.Log(x) - 0.5 * Math.Log(Math.PI) + Math.Log(1 - 0.5 * r + 0.75 * r * r - 1.875 * r * r * r);
    }
}
