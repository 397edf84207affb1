using Platform.Curvature.Methods.Attacks;

namespace Platform.Curvature.Methods.Audit;

/// <summary>
/// Runs the membership attacks of an audit on each target model, the other non-target models serving as shadows.
/// Curvature is attacked in log space, log(|c| + 1e-22) (Curvature Clues; |·| only matters for the signed Hutchinson
/// trace). Per-sample statistics use only the shadows, never the targets.
/// </summary>
public static class AuditAnalysis
{
    private const double CurvatureFloor = 1e-22;

    /// <summary>The attacks named in <paramref name="attacks"/> on every target.</summary>
    public static IReadOnlyList<TargetAudit> Run(
        ShadowSetScores scores, IReadOnlyList<int> targets, IReadOnlyList<string> estimators, IReadOnlyList<string> attacks,
        IReadOnlyList<CurvatureMode> modes, double rmiaA)
    {
        var shadows = Enumerable.Range(0, scores.Models).Where(m => !targets.Contains(m)).ToArray();
        for (var i = 0; i < scores.Samples; i++)
        {
            var inside = shadows.Count(m => scores.IsIn[m][i]);
            if (inside == 0 || inside == shadows.Length)
                throw new ArgumentException(
                    $"pool sample {i} is {(inside == 0 ? "OUT of" : "IN")} every one of the {shadows.Length} shadow models; " +
                    "the attacks need IN and OUT shadows for every sample (use more shadows)");
        }
        var loss = scores.Signal("loss");
        var logit = scores.Signal("logit_conf");
        var entropy = scores.Signal("modified_entropy");
        var trueProb = scores.Signal("true_prob");
        var curvature = estimators.ToDictionary(e => e, e => scores.Signal(e));
        var logCurvature = estimators.ToDictionary(e => e, e => scores.Signal(e, c => Math.Log(Math.Abs(c) + CurvatureFloor)));
        var lossStats = ShadowStatistics.Fit(loss, scores.IsIn, shadows);
        var logitStats = ShadowStatistics.Fit(logit, scores.IsIn, shadows);
        var curvatureStats = estimators.ToDictionary(e => e, e => ShadowStatistics.Fit(logCurvature[e], scores.IsIn, shadows));
        var outMeanProb = Enumerable.Range(0, scores.Samples).Select(i =>
            shadows.Where(m => !scores.IsIn[m][i]).Average(m => trueProb[m][i].Average())).ToArray();

        return targets.Select(t =>
        {
            var member = scores.IsIn[t];
            var results = new List<AttackResult>();
            void Add(string name, double[] s) => results.Add(Evaluate(name, t, s, member));
            foreach (var attack in attacks)
            {
                switch (attack)
                {
                    case "loss": Add(attack, MembershipAttacks.Loss(loss[t])); break;
                    case "calibrated_loss": Add(attack, MembershipAttacks.CalibratedLoss(loss[t], lossStats)); break;
                    case "entropy": Add(attack, MembershipAttacks.Entropy(entropy[t])); break;
                    case "lira_online": Add(attack, MembershipAttacks.LiraOnline(logit[t], logitStats, fixedVariance: false)); break;
                    case "lira_online_fixed": Add(attack, MembershipAttacks.LiraOnline(logit[t], logitStats, fixedVariance: true)); break;
                    case "lira_offline": Add(attack, MembershipAttacks.LiraOffline(logit[t], logitStats, fixedVariance: false)); break;
                    case "lira_offline_fixed": Add(attack, MembershipAttacks.LiraOffline(logit[t], logitStats, fixedVariance: true)); break;
                    case "rmia_offline":
                        var p = trueProb[t].Select(v => v.Average()).ToArray();
                        Add(attack, MembershipAttacks.RmiaOffline(p, outMeanProb, p, outMeanProb, rmiaA));
                        break;
                    case "curv_nll" or "curv_lr":
                        foreach (var e in estimators)
                            foreach (var mode in modes)
                            {
                                var (nll, lr) = MembershipAttacks.Curvature(logCurvature[e][t], curvatureStats[e], mode);
                                Add($"{attack}/{e}/{mode.ToString().ToLowerInvariant()}", attack == "curv_nll" ? nll : lr);
                            }
                        break;
                    default: throw new ArgumentException($"attack '{attack}' is unknown");
                }
            }
            var signals = new Dictionary<string, double[]>
            {
                ["loss"] = loss[t].Select(v => v.Average()).ToArray(),
                ["logit_conf"] = logit[t].Select(v => v.Average()).ToArray(),
            };
            var means = new Dictionary<string, (double, double)>();
            foreach (var e in estimators)
            {
                var c = curvature[e][t].Select(v => v.Average()).ToArray();
                signals[e] = c;
                means[e] = (Mean(c, member, true), Mean(c, member, false));
            }
            return new TargetAudit(t, member, results, signals, means);
        }).ToList();
    }

    // Non-finite scores (a degenerate Gaussian) keep their order but become finite, so the ROC is defined.
    private static AttackResult Evaluate(string name, int target, double[] scores, bool[] member)
    {
        var finite = scores.Where(double.IsFinite).ToArray();
        var (lo, hi) = finite.Length == 0 ? (0.0, 0.0) : (finite.Min(), finite.Max());
        var nonFinite = scores.Length - finite.Length;
        var clean = scores.Select(s => double.IsFinite(s) ? s : double.IsPositiveInfinity(s) ? hi + 1 : lo - 1).ToArray();
        return new AttackResult(name, target, clean, AttackMetrics.Compute(clean, member), nonFinite);
    }

    private static double Mean(double[] values, bool[] member, bool wanted)
    {
        var chosen = values.Where((_, i) => member[i] == wanted).ToArray();
        return chosen.Length == 0 ? double.NaN : chosen.Average();
    }
}
