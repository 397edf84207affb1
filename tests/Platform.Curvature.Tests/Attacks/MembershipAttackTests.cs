using FluentAssertions;
using MathNet.Numerics.Distributions;
using Platform.Curvature.Methods.Attacks;

namespace Platform.Curvature.Tests.Attacks;

public sealed class MembershipAttackTests
{
    private const int Samples = 2000;
    private const int Shadows = 16;

    /// <summary>
    /// Synthetic signals with per-sample difficulty: OUT ~ N(μᵢ, 1), IN ~ N(μᵢ + 1, 1) with μᵢ spread widely, so a raw
    /// threshold is weak but per-sample calibration (LiRA) recovers the known separation Φ(1/√2) ≈ 0.76 AUROC.
    /// </summary>
    private static (double[][][] Signal, bool[][] Masks, bool[] TargetMembers) Synthetic(int seed)
    {
        var random = new Random(seed);
        var difficulty = Enumerable.Range(0, Samples).Select(_ => Normal.Sample(random, 0, 5)).ToArray();
        var masks = Enumerable.Range(0, Shadows + 1).Select(_ => Enumerable.Range(0, Samples).Select(_ => random.NextDouble() < 0.5).ToArray()).ToArray();
        var signal = masks.Select(mask => mask.Select((isIn, i) => new[]
        {
            Normal.Sample(random, difficulty[i] + (isIn ? 1 : 0), 1),
            Normal.Sample(random, difficulty[i] + (isIn ? 1 : 0), 1),
        }).ToArray()).ToArray();
        return (signal, masks, masks[Shadows]);
    }

    [Fact]
    public void LiraOnlineRecoversTheKnownSeparationWhereARawThresholdCannot()
    {
        var (signal, masks, members) = Synthetic(1);
        var stats = ShadowStatistics.Fit(signal, masks, Enumerable.Range(0, Shadows).ToArray());
        var target = signal[Shadows];

        var lira = AttackMetrics.Compute(MembershipAttacks.LiraOnline(target, stats, fixedVariance: false), members);
        var fixedVar = AttackMetrics.Compute(MembershipAttacks.LiraOnline(target, stats, fixedVariance: true), members);
        var offline = AttackMetrics.Compute(MembershipAttacks.LiraOffline(target, stats, fixedVariance: true), members);
        var raw = AttackMetrics.Compute(target.Select(v => v.Average()).ToArray(), members);

        // Two independent views of a unit-variance shift: the optimal AUROC is Φ(√2/√2) = Φ(1) ≈ 0.84.
        fixedVar.Auroc.Should().BeApproximately(Normal.CDF(0, 1, 1), 0.03);
        lira.Auroc.Should().BeGreaterThan(0.75);
        offline.Auroc.Should().BeGreaterThan(0.75);
        raw.Auroc.Should().BeLessThan(0.6);
    }

    [Fact]
    public void CurvatureRulesSeparateMembersInBothModes()
    {
        var (signal, masks, members) = Synthetic(2);
        var stats = ShadowStatistics.Fit(signal, masks, Enumerable.Range(0, Shadows).ToArray());

        var (nll, lr) = MembershipAttacks.Curvature(signal[Shadows], stats, CurvatureMode.Corrected);
        var (faithfulNll, faithfulLr) = MembershipAttacks.Curvature(signal[Shadows], stats, CurvatureMode.Faithful);

        AttackMetrics.Compute(nll, members).Auroc.Should().BeGreaterThan(0.75);
        AttackMetrics.Compute(lr, members).Auroc.Should().BeGreaterThan(0.7);
        AttackMetrics.Compute(faithfulNll, members).Auroc.Should().BeGreaterThan(0.6);
        AttackMetrics.Compute(faithfulLr, members).Auroc.Should().BeGreaterThan(0.6);
    }

    [Fact]
    public void LossAndCalibratedLossRankLowerLossAsMember()
    {
        double[][] loss = [[0.1, 0.1], [2.0, 2.0]];
        var stats = ShadowStatistics.Fit([[[1.0, 1.0], [1.0, 1.0]], [[1.2, 1.2], [3.0, 3.0]], [[0.8, 0.8], [2.0, 2.0]]],
            [[false, false], [false, false], [false, false]], [0, 1, 2]);

        MembershipAttacks.Loss(loss).Should().Equal(-0.1, -2.0);
        MembershipAttacks.CalibratedLoss(loss, stats)[0].Should().BeApproximately(0.9, 1e-12);
        MembershipAttacks.CalibratedLoss(loss, stats)[1].Should().BeApproximately(0.0, 1e-12);
    }

    [Fact]
    public void RmiaScoresAreTheShareOfPopulationTheSampleBeats()
    {
        double[] population = [0.1, 0.2, 0.3, 0.4];
        double[] populationOut = [0.25, 0.25, 0.25, 0.25];

        var scores = MembershipAttacks.RmiaOffline([0.35, 0.05], [0.25, 0.25], population, populationOut, a: 1);

        scores.Should().Equal(0.75, 0.0);
    }

    [Fact]
    public void ConfidenceSignalsMatchTheirDefinitions()
    {
        float[] logits = [2f, 0f, -1f];
        var p = ConfidenceSignals.Softmax(logits);

        ConfidenceSignals.LogitScaled(logits, 0).Should().BeApproximately(Math.Log(p[0] / (1 - p[0])), 1e-9);
        ConfidenceSignals.ModifiedEntropy(logits, 0).Should().BeApproximately(
            -(1 - p[0]) * Math.Log(p[0]) - p[1] * Math.Log(1 - p[1]) - p[2] * Math.Log(1 - p[2]), 1e-9);
    }
}
