using FluentAssertions;
using MathNet.Numerics.Distributions;
using Platform.Curvature.Methods.Attacks;

namespace Platform.Curvature.Tests.Attacks;

public sealed class AttackMetricsTests
{
    [Fact]
    public void GaussianScoresGiveTheirKnownRocCurve()
    {
        // Members ~ N(1, 1), non-members ~ N(0, 1): AUROC = Φ(1/√2) ≈ 0.7602, TPR at FPR f = 1 − Φ(Φ⁻¹(1−f) − 1).
        var random = new Random(1);
        var members = Enumerable.Range(0, 200_000).Select(_ => Normal.Sample(random, 1, 1));
        var others = Enumerable.Range(0, 200_000).Select(_ => Normal.Sample(random, 0, 1));
        var scores = members.Concat(others).ToArray();
        var labels = Enumerable.Range(0, scores.Length).Select(i => i < 200_000).ToArray();

        var m = AttackMetrics.Compute(scores, labels);

        m.Auroc.Should().BeApproximately(Normal.CDF(0, 1, 1 / Math.Sqrt(2)), 0.003);
        m.TprAt1PercentFpr.Should().BeApproximately(1 - Normal.CDF(0, 1, Normal.InvCDF(0, 1, 0.99) - 1), 0.01);
        m.BalancedAccuracy.Should().BeApproximately(Normal.CDF(0, 1, 0.5), 0.003, "the best threshold is halfway between the means");
    }

    [Fact]
    public void PerfectAndInvertedScoresHitTheExtremes()
    {
        bool[] labels = [true, true, false, false];

        AttackMetrics.Compute([4, 3, 2, 1], labels).Auroc.Should().Be(1);
        AttackMetrics.Compute([1, 2, 3, 4], labels).Auroc.Should().Be(0);
        AttackMetrics.Compute([1, 1, 1, 1], labels).Auroc.Should().Be(0.5, "ties count as half");
        AttackMetrics.Compute([4, 3, 2, 1], labels).TprAt01PercentFpr.Should().Be(1);
    }

    [Fact]
    public void MissingClassesOrNonFiniteScoresAreRefused()
    {
        var oneClass = () => AttackMetrics.Compute([1, 2], [true, true]);
        var nan = () => AttackMetrics.Compute([double.NaN, 2], [true, false]);

        oneClass.Should().Throw<ArgumentException>().WithMessage("*both members and non-members*");
        nan.Should().Throw<ArgumentException>().WithMessage("*finite*");
    }
}
