using FluentAssertions;
using Platform.Training.Methods.Privacy;

namespace Platform.Training.Tests.Privacy;

public sealed class RdpAccountantTests
{
    private const double Delta = 1e-5;

    // Published (σ, batch, epochs) → ε on MNIST (60,000 samples), δ = 1e-5: Opacus examples/mnist README and
    // the TF Privacy tutorial; both tables were made with the classic RDP → (ε, δ) conversion.
    [Theory]
    [InlineData(1.1, 240, 60, 2.91)]   // Opacus (its MNIST example uses -b 240)
    [InlineData(0.7, 240, 45, 6.86)]   // Opacus
    [InlineData(1.3, 240, 15, 1.16)]   // Opacus
    [InlineData(1.12, 256, 60, 2.92)]  // TF Privacy
    [InlineData(0.6, 256, 30, 9.74)]   // TF Privacy
    public void MatchesPublishedEpsilonsWithinTwoPercent(double sigma, int batch, int epochs, double published)
    {
        var q = batch / 60000.0;
        var steps = (long)Math.Round(epochs * 60000.0 / batch);

        var (eps, _) = RdpAccountant.Epsilon(q, sigma, steps, Delta, RdpConversion.Classic);

        eps.Should().BeApproximately(published, published * 0.02);
    }

    [Fact]
    public void TheImprovedConversionIsTighterThanTheClassicOne()
    {
        var classic = RdpAccountant.Epsilon(256 / 60000.0, 1.1, 14063, Delta, RdpConversion.Classic).Epsilon;
        var improved = RdpAccountant.Epsilon(256 / 60000.0, 1.1, 14063, Delta).Epsilon;

        improved.Should().BeLessThan(classic).And.BeGreaterThan(classic * 0.8);
    }

    [Fact]
    public void FullBatchGaussianHasTheClosedFormRdp()
    {
        RdpAccountant.Rdp(1.0, 2.0, 8).Should().BeApproximately(8 / (2 * 4.0), 1e-12);
    }

    [Fact]
    public void IntegerAndFractionalSeriesAgreeAtNeighbouringOrders()
    {
        var atTwo = RdpAccountant.Rdp(0.01, 1.0, 2.0);
        var nearTwo = RdpAccountant.Rdp(0.01, 1.0, 2.0 + 1e-7);

        nearTwo.Should().BeApproximately(atTwo, atTwo * 1e-4);
    }

    [Fact]
    public void MoreStepsOrLessNoiseNeverLowerEpsilon()
    {
        var q = 0.01;
        var a = RdpAccountant.Epsilon(q, 1.0, 1000, Delta).Epsilon;
        var b = RdpAccountant.Epsilon(q, 1.0, 2000, Delta).Epsilon;
        var c = RdpAccountant.Epsilon(q, 0.8, 1000, Delta).Epsilon;

        b.Should().BeGreaterThan(a);
        c.Should().BeGreaterThan(a);
    }

    [Fact]
    public void CalibratedNoiseMeetsTheTargetEpsilon()
    {
        var q = 256 / 60000.0;
        var sigma = NoiseCalibrator.NoiseFor(3.0, q, 14063, Delta);

        RdpAccountant.Epsilon(q, sigma, 14063, Delta).Epsilon.Should().BeLessThanOrEqualTo(3.0);
        RdpAccountant.Epsilon(q, sigma - 0.02, 14063, Delta).Epsilon.Should().BeGreaterThan(3.0);
    }

    [Fact]
    public void BadArgumentsSayWhatIsWrong()
    {
        var act = () => RdpAccountant.Epsilon(1.5, 1, 10, Delta);
        var noTarget = () => NoiseCalibrator.NoiseFor(0, 0.01, 10, Delta);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*sampling rate must be in [0, 1] (got 1.5)*");
        noTarget.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*target ε must be positive*");
    }
}
