using MathNet.Numerics.Distributions;

namespace Platform.Curvature.Methods.Attacks;

/// <summary>
/// Membership scores of a target model's samples (higher = more likely a member). Signals are indexed
/// [model][sample][view]; shadow statistics come from <see cref="ShadowStatistics"/>. Each rule is the one its
/// paper defines; where the Curvature Clues code differs, <see cref="CurvatureMode.Faithful"/> reproduces it.
/// </summary>
public static class MembershipAttacks
{
    /// <summary>LOSS (Yeom et al.): the negative loss, averaged over views.</summary>
    public static double[] Loss(double[][] targetLoss) => targetLoss.Select(v => -v.Average()).ToArray();

    /// <summary>Calibrated loss (Watson et al.): how much lower the loss is than the sample's mean OUT loss.</summary>
    public static double[] CalibratedLoss(double[][] targetLoss, ShadowStatistics loss) =>
        targetLoss.Select((v, i) => Enumerable.Range(0, v.Length).Average(k => loss.MuOut[i, k] - v[k])).ToArray();

    /// <summary>Modified entropy (Song &amp; Mittal), negated: low for confident correct predictions.</summary>
    public static double[] Entropy(double[][] targetModifiedEntropy) => targetModifiedEntropy.Select(v => -v.Average()).ToArray();

    /// <summary>
    /// LiRA online (Carlini et al. 2022): Σ over views of log N(s; μ_in, σ_in) − log N(s; μ_out, σ_out) on the
    /// logit-scaled confidence; with <paramref name="fixedVariance"/> the global deviations replace per-sample ones.
    /// </summary>
    public static double[] LiraOnline(double[][] target, ShadowStatistics stats, bool fixedVariance) =>
        target.Select((v, i) => Enumerable.Range(0, v.Length).Sum(k =>
            Normal.PDFLn(stats.MuIn[i, k], fixedVariance ? stats.GlobalSdIn : stats.SdIn[i, k], v[k]) -
            Normal.PDFLn(stats.MuOut[i, k], fixedVariance ? stats.GlobalSdOut : stats.SdOut[i, k], v[k]))).ToArray();

    /// <summary>LiRA offline: the one-sided test of the paper, Σ over views of log Φ((s − μ_out)/σ_out).</summary>
    public static double[] LiraOffline(double[][] target, ShadowStatistics stats, bool fixedVariance) =>
        target.Select((v, i) => Enumerable.Range(0, v.Length).Sum(k =>
            Math.Log(Math.Max(1e-300, Normal.CDF(stats.MuOut[i, k], fixedVariance ? stats.GlobalSdOut : stats.SdOut[i, k], v[k]))))).ToArray();

    /// <summary>
    /// RMIA offline (Zarifzadeh et al. 2024): the share of population samples z with
    /// (p(x|θ)/Pr(x)) / (p(z|θ)/Pr(z)) &gt; γ, where Pr(·) = ½((1+a)·mean OUT p + (1−a)) approximates the
    /// missing IN models. p is the true-class probability.
    /// </summary>
    public static double[] RmiaOffline(
        double[] targetProb, double[] outMeanProb, double[] populationTargetProb, double[] populationOutMeanProb, double a = 0.3, double gamma = 1)
    {
        double Ratio(double p, double outMean) => p / (0.5 * ((1 + a) * outMean + (1 - a)));
        var population = populationTargetProb.Select((p, j) => Ratio(p, populationOutMeanProb[j])).Order().ToArray();
        return targetProb.Select((p, i) =>
        {
            var threshold = Ratio(p, outMeanProb[i]) / gamma;
            var below = LowerBound(population, threshold);
            return below / (double)population.Length;
        }).ToArray();
    }

    /// <summary>
    /// Curvature-NLL and curvature-LR (Curvature Clues) on log curvature. <see cref="CurvatureMode.Corrected"/>:
    /// NLL = Σ_views log N(s; μ_in, σ_in) − log N(s; μ_out, σ_out); LR = log Σ_views N_in − log Σ_views N_out.
    /// <see cref="CurvatureMode.Faithful"/> reproduces the released notebook: the value used as the variance is the
    /// standard deviation squared twice (variance σ⁴), and NLL uses the IN deviation for both terms.
    /// </summary>
    public static (double[] Nll, double[] Lr) Curvature(double[][] targetLogCurvature, ShadowStatistics stats, CurvatureMode mode)
    {
        var nll = new double[targetLogCurvature.Length];
        var lr = new double[targetLogCurvature.Length];
        for (var i = 0; i < nll.Length; i++)
        {
            var v = targetLogCurvature[i];
            double inSum = 0, outSum = 0;
            for (var k = 0; k < v.Length; k++)
            {
                var (sdIn, sdOut) = mode == CurvatureMode.Faithful
                    ? (stats.SdIn[i, k] * stats.SdIn[i, k], stats.SdOut[i, k] * stats.SdOut[i, k])
                    : (stats.SdIn[i, k], stats.SdOut[i, k]);
                var logIn = Normal.PDFLn(stats.MuIn[i, k], sdIn, v[k]);
                var logOut = Normal.PDFLn(stats.MuOut[i, k], mode == CurvatureMode.Faithful ? sdIn : sdOut, v[k]);
                nll[i] += logIn - logOut;
                inSum += Math.Exp(logIn);
                outSum += Math.Exp(Normal.PDFLn(stats.MuOut[i, k], sdOut, v[k]));
            }
            lr[i] = Math.Log(inSum + 1e-300) - Math.Log(outSum + 1e-300);
        }
        return (nll, lr);
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
