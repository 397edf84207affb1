using FluentAssertions;
using Platform.Torch.Nn;
using Xunit;

namespace Platform.Torch.Tests.Parity;

/// <summary>Initialisation and functional losses against PyTorch (init_parity, losses fixtures).</summary>
public class LayerParityTests
{
    [Fact]
    public void LinearAndGroupedRectangularConvInitMatchPyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var fx = TestSupport.LoadFixture("init_parity.safetensors");
        Torch.ManualSeed(42);
        using var linear = new Linear(5, 3);
        using var conv = new Conv2d(2, 4, (3, 2), (1, 1), (0, 0), (1, 1), groups: 2);
        linear.Weight.ShouldBeClose(fx["linear.weight"], 0, 0);
        linear.Bias!.ShouldBeClose(fx["linear.bias"], 0, 0);
        conv.Weight.ShouldBeClose(fx["conv.weight"], 0, 0);
        conv.Bias!.ShouldBeClose(fx["conv.bias"], 0, 0);
        foreach (var t in fx.Values)
        {
            t.Dispose();
        }
    }

    [Theory]
    [InlineData(Reduction.None, "none")]
    [InlineData(Reduction.Mean, "mean")]
    [InlineData(Reduction.Sum, "sum")]
    public void LossesMatchPyTorch(Reduction reduction, string name)
    {
        using var scope = Torch.NewDisposeScope();
        var fx = Platform.Torch.Serialization.SafeTensors.Load(TestSupport.FixturePath("losses.safetensors"));
        var (logits, labels) = (fx["logits"], fx["labels"]);
        Functional.CrossEntropy(logits, labels, reduction).ShouldBeClose(fx["ce_" + name]);
        Functional.CrossEntropy(logits, labels, reduction, labelSmoothing: 0.1).ShouldBeClose(fx["ce_ls_" + name]);
        Functional.NllLoss(Functional.LogSoftmax(logits, 1), labels, reduction).ShouldBeClose(fx["nll_" + name]);
        Functional.MseLoss(logits, fx["reg"], reduction).ShouldBeClose(fx["mse_" + name]);
    }

    [Fact]
    public void SoftmaxKlDivAndGeluMatchPyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var fx = Platform.Torch.Serialization.SafeTensors.Load(TestSupport.FixturePath("losses.safetensors"));
        var logits = fx["logits"];
        var logProbs = Functional.LogSoftmax(logits, 1);
        Functional.Softmax(logits, 1).ShouldBeClose(fx["softmax"]);
        logProbs.ShouldBeClose(fx["log_softmax"]);
        Functional.KlDiv(logProbs, fx["target"], Reduction.BatchMean).ShouldBeClose(fx["kl_batchmean"]);
        Functional.KlDiv(logProbs, fx["target"], Reduction.Sum).ShouldBeClose(fx["kl_sum"]);
        new GELU().Forward(logits).ShouldBeClose(fx["gelu"]);
        new GELU("tanh").Forward(logits).ShouldBeClose(fx["gelu_tanh"]);
    }

    [Fact]
    public void CrossEntropyAcceptsClassProbabilitiesAsTargets()
    {
        using var scope = Torch.NewDisposeScope();
        var fx = Platform.Torch.Serialization.SafeTensors.Load(TestSupport.FixturePath("losses.safetensors"));
        var (logits, target) = (fx["logits"], fx["target"]);
        var expected = (-(target * Functional.LogSoftmax(logits, 1)).Sum(1)).Mean();
        Functional.CrossEntropy(logits, target).ShouldBeClose(expected, atol: 1e-6);
    }
}
