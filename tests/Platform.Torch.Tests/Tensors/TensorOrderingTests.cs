using FluentAssertions;
using Xunit;

namespace Platform.Torch.Tests.Tensors;

public class TensorOrderingTests
{
    [Fact]
    public void SortTopKAndCumSumOrderAndAccumulate()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.From(new float[] { 3, 1, 4, 1.5f, 5 });
        var (sorted, order) = x.Sort();
        sorted.ToArray<float>().Should().Equal(1, 1.5f, 3, 4, 5);
        order.ToArray<long>().Should().Equal(1, 3, 0, 2, 4);
        x.Sort(descending: true).Values.ToArray<float>().Should().Equal(5, 4, 3, 1.5f, 1);
        var (top, at) = x.TopK(2);
        top.ToArray<float>().Should().Equal(5, 4);
        at.ToArray<long>().Should().Equal(4, 2);
        x.TopK(2, largest: false).Values.ToArray<float>().Should().Equal(1, 1.5f);
        x.CumSum(0).ToArray<float>().Should().Equal(3, 4, 8, 9.5f, 14.5f);
    }

    [Fact]
    public void BiasedAndUnbiasedVarianceDifferByBesselsCorrection()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.From(new double[] { 1, 2, 3, 4 }, [1, 4]);
        x.Var([1], keepDim: false, unbiased: false).Item<double>().Should().BeApproximately(1.25, 1e-12);
        x.Var([1], keepDim: true, unbiased: true).Item<double>().Should().BeApproximately(5.0 / 3, 1e-12);
        x.Std([], keepDim: false, unbiased: false).Item<double>().Should().BeApproximately(Math.Sqrt(1.25), 1e-12);
    }

    [Fact]
    public void SvdReconstructsTheMatrixWithDescendingSingularValues()
    {
        using var scope = Torch.NewDisposeScope();
        using var g = new Generator(4);
        var a = Tensor.Randn([5, 3], g, ScalarType.Float64);
        var (u, s, vh) = Linalg.Svd(a);
        u.Shape.Should().Equal(5, 3);
        var values = s.ToArray<double>();
        values.Should().BeInDescendingOrder();
        (u * s.Unsqueeze(0)).MatMul(vh).ShouldBeClose(a, atol: 1e-10);
        var bad = () => Linalg.Svd(Tensor.Zeros([3]));
        bad.Should().Throw<TorchException>().WithMessage("*at least 2 dimensions*");
    }
}
