using FluentAssertions;
using Platform.Training.Methods.Coresets;

namespace Platform.Training.Tests.Coresets;

public sealed class CoresetSelectorTests
{
    // 20 training samples, classes 0 and 1 alternating, dataset indices 100.., 4 epochs. Class 0's validation loss
    // falls then plateaus; sample i of class 0 follows that shape with weight (i / 20), so higher i correlates better.
    private static TrajectorySet Set()
    {
        float[][] validation = [[2, 1, 0.6f, 0.5f], [2, 1.8f, 1.7f, 1.0f]];
        var losses = new float[20][];
        var labels = new int[20];
        for (var i = 0; i < 20; i++)
        {
            labels[i] = i % 2;
            var shape = validation[labels[i]];
            var w = i / 20f;
            // A mix of the class shape and a zig-zag: the more class shape, the higher the correlation.
            losses[i] = Enumerable.Range(0, 4).Select(e => w * shape[e] + (1 - w) * (e % 2 == 0 ? 1f : 0.2f) + i).ToArray();
        }
        return new TrajectorySet(losses, labels, Enumerable.Range(100, 20).ToArray(), validation, [0, 1]);
    }

    [Fact]
    public void LtcKeepsTheMostCorrelatedFractionOfEveryClass()
    {
        var chosen = CoresetSelector.Select("ltc", Set(), 0.2);

        chosen.Should().Equal([116, 117, 118, 119], "the two samples of each class that follow their class's validation trend most");
    }

    [Fact]
    public void CslKeepsTheHighestCumulativeLossOfEveryClass()
    {
        var chosen = CoresetSelector.Select("csl", Set(), 0.2);

        chosen.Should().Equal([116, 117, 118, 119], "losses grow with i, so the last samples have the highest sums");
    }

    [Fact]
    public void RandomSubsetsHaveTheCoresetsClassCountsAndDifferBySeed()
    {
        var set = Set();

        var a = CoresetSelector.Random(set, 0.3, seed: 1);
        var b = CoresetSelector.Random(set, 0.3, seed: 2);

        a.Should().HaveCount(6).And.OnlyHaveUniqueItems().And.BeInAscendingOrder().And.OnlyContain(d => d >= 100 && d < 120);
        a.Count(d => (d - 100) % 2 == 0).Should().Be(3);
        a.Count(d => (d - 100) % 2 == 1).Should().Be(3);
        b.Should().NotEqual(a);
        CoresetSelector.Random(set, 0.3, seed: 1).Should().Equal(a, "the same seed draws the same subset");
    }

    [Fact]
    public void AnUnknownMethodIsRefused()
    {
        var act = () => CoresetSelector.Select("el2n", Set(), 0.1);

        act.Should().Throw<ArgumentException>().WithMessage("*'el2n' is unknown; use ltc or csl*");
    }

    [Fact]
    public void SummaryHasMeanAndSampleStd()
    {
        var s = AccuracySummary.Of("ltc", [0.8, 0.9, 1.0]);

        s.Mean.Should().BeApproximately(0.9, 1e-12);
        s.Std.Should().BeApproximately(0.1, 1e-12);
        AccuracySummary.Of("x", [0.5]).Std.Should().Be(0);
    }
}
