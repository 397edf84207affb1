using FluentAssertions;
using Xunit;

namespace Platform.Torch.Tests.Autograd;

public class AutogradTests
{
    [Fact]
    public void BackwardAccumulatesGradientsIntoLeaves()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.From(new double[] { 1, 2, 3 }).RequiresGrad_();
        (x * x).Sum().Backward();
        x.Grad!.ToArray<double>().Should().Equal(2, 4, 6);
        (x * 3).Sum().Backward();
        x.Grad!.ToArray<double>().Should().Equal(5, 7, 9);
        x.ClearGrad();
        x.Grad.Should().BeNull();
        x.IsLeaf.Should().BeTrue();
    }

    [Fact]
    public void GradReturnsGradientsWithoutTouchingDotGrad()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.From(new double[] { 1, 2 }).RequiresGrad_();
        var y = Tensor.From(new double[] { 3, 4 }).RequiresGrad_();
        var z = Tensor.Zeros([1], ScalarType.Float64).RequiresGrad_();
        var f = (x * y).Sum();
        var grads = Platform.Torch.Autograd.Grad([f], [x, y, z], allowUnused: true);
        grads[0]!.ToArray<double>().Should().Equal(3, 4);
        grads[1]!.ToArray<double>().Should().Equal(1, 2);
        grads[2].Should().BeNull();
        x.Grad.Should().BeNull();
    }

    [Fact]
    public void DoubleBackwardGivesSecondDerivative()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.From(new double[] { 2 }).RequiresGrad_();
        var y = x.Pow(3).Sum();
        var dy = Platform.Torch.Autograd.Grad(y, x, createGraph: true);
        dy.Item<double>().Should().Be(12);
        var d2y = Platform.Torch.Autograd.Grad(dy.Sum(), x);
        d2y.Item<double>().Should().Be(12);
    }

    [Fact]
    public void NoGradScopeStopsRecordingAndRestoresTheMode()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.Ones([2]).RequiresGrad_();
        using (Torch.NoGrad())
        {
            Torch.IsGradEnabled.Should().BeFalse();
            (x * 2).RequiresGrad.Should().BeFalse();
        }
        Torch.IsGradEnabled.Should().BeTrue();
        (x * 2).RequiresGrad.Should().BeTrue();
    }

    [Fact]
    public void DetachCutsTheGraphButSharesStorage()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.Ones([2]).RequiresGrad_();
        var y = x * 2;
        var d = y.Detach();
        d.RequiresGrad.Should().BeFalse();
        d.Fill_(5);
        y.ToArray<float>().Should().Equal(5, 5);
    }
}
