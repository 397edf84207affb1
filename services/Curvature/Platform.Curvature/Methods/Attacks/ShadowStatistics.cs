namespace Platform.Curvature.Methods.Attacks;

/// <summary>
/// Per-sample, per-view mean and standard deviation of a signal over the shadow models that trained on the
/// sample (IN) and those that did not (OUT), plus the global ("fixed variance") standard deviations.
/// </summary>
public sealed class ShadowStatistics
{
    private ShadowStatistics(double[,] muIn, double[,] sdIn, double[,] muOut, double[,] sdOut, double globalIn, double globalOut)
    {
        MuIn = muIn;
        SdIn = sdIn;
        MuOut = muOut;
        SdOut = sdOut;
        GlobalSdIn = globalIn;
        GlobalSdOut = globalOut;
    }

    /// <summary>Mean over IN shadows [sample, view].</summary>
    public double[,] MuIn { get; }

    /// <summary>Standard deviation over IN shadows [sample, view].</summary>
    public double[,] SdIn { get; }

    /// <summary>Mean over OUT shadows [sample, view].</summary>
    public double[,] MuOut { get; }

    /// <summary>Standard deviation over OUT shadows [sample, view].</summary>
    public double[,] SdOut { get; }

    /// <summary>Median of the per-sample IN deviations (LiRA's fixed variance).</summary>
    public double GlobalSdIn { get; }

    /// <summary>Median of the per-sample OUT deviations.</summary>
    public double GlobalSdOut { get; }

    /// <summary>
    /// Statistics of <paramref name="signal"/>[model][sample][view] over <paramref name="shadows"/> (model indices) with
    /// their masks <paramref name="isIn"/>[model][sample]. A sample with fewer than 2 IN or OUT shadows falls back to
    /// the global deviation (and the mean of the others if it has none).
    /// </summary>
    public static ShadowStatistics Fit(double[][][] signal, bool[][] isIn, IReadOnlyList<int> shadows)
    {
        var samples = signal[0].Length;
        var views = signal[0][0].Length;
        var (muIn, sdIn, muOut, sdOut) = (new double[samples, views], new double[samples, views], new double[samples, views], new double[samples, views]);
        var inDeviations = new List<double>();
        var outDeviations = new List<double>();
        for (var i = 0; i < samples; i++)
            for (var v = 0; v < views; v++)
            {
                var inside = shadows.Where(m => isIn[m][i]).Select(m => signal[m][i][v]).ToArray();
                var outside = shadows.Where(m => !isIn[m][i]).Select(m => signal[m][i][v]).ToArray();
                (muIn[i, v], sdIn[i, v]) = MeanSd(inside);
                (muOut[i, v], sdOut[i, v]) = MeanSd(outside);
                if (inside.Length >= 2) inDeviations.Add(sdIn[i, v]);
                if (outside.Length >= 2) outDeviations.Add(sdOut[i, v]);
            }
        var gIn = Median(inDeviations);
        var gOut = Median(outDeviations);
        for (var i = 0; i < samples; i++)
            for (var v = 0; v < views; v++)
            {
                if (double.IsNaN(sdIn[i, v]) || sdIn[i, v] == 0) sdIn[i, v] = gIn;
                if (double.IsNaN(sdOut[i, v]) || sdOut[i, v] == 0) sdOut[i, v] = gOut;
            }
        return new ShadowStatistics(muIn, sdIn, muOut, sdOut, gIn, gOut);
    }

    private static (double Mean, double Sd) MeanSd(double[] values)
    {
        if (values.Length == 0) return (double.NaN, double.NaN);
        var mean = values.Average();
        if (values.Length < 2) return (mean, double.NaN);
        return (mean, Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / (values.Length - 1)));
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return 1;
        values.Sort();
        return values[values.Count / 2] is var m && m > 0 ? m : 1e-12;
    }
}
