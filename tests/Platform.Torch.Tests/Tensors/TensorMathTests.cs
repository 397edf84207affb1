using FluentAssertions;
using Xunit;

namespace Platform.Torch.Tests.Tensors;

public class TensorMathTests
{
    private static Tensor V(params float[] values) => Tensor.From(values);

    [Fact]
    public void OperatorsComputeElementwiseWithBroadcasting()
    {
        using var scope = Torch.NewDisposeScope();
        var a = Tensor.From(new float[] { 1, 2, 3, 4 }, [2, 2]);
        var b = V(10, 20);
        (a + b).ToArray<float>().Should().Equal(11, 22, 13, 24);
        (a - 1.0).ToArray<float>().Should().Equal(0, 1, 2, 3);
        (2.0 * a).ToArray<float>().Should().Equal(2, 4, 6, 8);
        (a / b).ToArray<float>().Should().Equal(0.1f, 0.1f, 0.3f, 0.2f);
        (1.0 - a).ToArray<float>().Should().Equal(0, -1, -2, -3);
        (4.0 / a).ToArray<float>().Should().Equal(4, 2, 4f / 3, 1);
        (-a).ToArray<float>().Should().Equal(-1, -2, -3, -4);
    }

    [Fact]
    public void IntegerTensorsStayIntegerWithIntegerScalars()
    {
        using var scope = Torch.NewDisposeScope();
        var i = Tensor.From(new long[] { 1, 2 });
        (i + 3).DType.Should().Be(ScalarType.Int64);
        (i * 2.5).DType.Should().Be(ScalarType.Float32);
    }

    [Fact]
    public void UnaryFunctionsMatchMath()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.From(new double[] { -2, 0.5, 4 });
        x.Abs().ToArray<double>().Should().Equal(2, 0.5, 4);
        x.Sign().ToArray<double>().Should().Equal(-1, 1, 1);
        x.Neg().ToArray<double>().Should().Equal(2, -0.5, -4);
        x.Exp().ToArray<double>().Should().Equal(Math.Exp(-2), Math.Exp(0.5), Math.Exp(4));
        x.Abs().Log().ToArray<double>().Should().Equal(Math.Log(2), Math.Log(0.5), Math.Log(4));
        x.Abs().Sqrt().ToArray<double>().Should().Equal(Math.Sqrt(2), Math.Sqrt(0.5), 2);
        x.Pow(2).ToArray<double>().Should().Equal(4, 0.25, 16);
        x.Clamp(-1, 1).ToArray<double>().Should().Equal(-1, 0.5, 1);
        x.ClampMin(0).ToArray<double>().Should().Equal(0, 0.5, 4);
        x.ClampMax(0).ToArray<double>().Should().Equal(-2, 0, 0);
        x.Relu().ToArray<double>().Should().Equal(0, 0.5, 4);
    }

    [Fact]
    public void ReductionsHonourDimAndKeepDim()
    {
        using var scope = Torch.NewDisposeScope();
        var m = Tensor.From(new float[] { 1, 5, 3, 4, 2, 6 }, [2, 3]);
        m.Sum().Item<float>().Should().Be(21);
        m.Sum(1).ToArray<float>().Should().Equal(9, 12);
        m.Sum(0, keepDim: true).Shape.Should().Equal(1, 3);
        m.Mean(1).ToArray<float>().Should().Equal(3, 4);
        m.Max().Item<float>().Should().Be(6);
        m.Min().Item<float>().Should().Be(1);
        var (values, indices) = m.Max(1);
        values.ToArray<float>().Should().Equal(5, 6);
        indices.ToArray<long>().Should().Equal(1, 2);
        m.Min(0).Indices.ToArray<long>().Should().Equal(0, 1, 0);
        m.ArgMax(1).ToArray<long>().Should().Equal(1, 2);
        m.ArgMax().Item<long>().Should().Be(5);
        m.ArgMax(1, keepDim: true).Shape.Should().Equal(2, 1);
        Tensor.From(new float[] { 3, 4 }).Norm().Item<float>().Should().BeApproximately(5, 1e-6f);
        m.Norm(1, [1]).ToArray<float>().Should().Equal(9, 12);
    }

    [Fact]
    public void MatMulMultipliesMatrices()
    {
        using var scope = Torch.NewDisposeScope();
        var a = Tensor.From(new float[] { 1, 2, 3, 4 }, [2, 2]);
        var b = Tensor.From(new float[] { 5, 6, 7, 8 }, [2, 2]);
        a.MatMul(b).ToArray<float>().Should().Equal(19, 22, 43, 50);
    }

    [Fact]
    public void ComparisonsAndWhereSelectElementwise()
    {
        using var scope = Torch.NewDisposeScope();
        var x = V(1, 5, 3);
        var y = V(2, 5, 1);
        x.Lt(y).ToArray<bool>().Should().Equal(true, false, false);
        x.Eq(y).ToArray<bool>().Should().Equal(false, true, false);
        x.Ge(3).ToArray<bool>().Should().Equal(false, true, true);
        x.Ne(y).ToArray<bool>().Should().Equal(true, false, true);
        Tensor.Where(x.Gt(y), x, y).ToArray<float>().Should().Equal(2, 5, 3);
        x.Maximum(y).ToArray<float>().Should().Equal(2, 5, 3);
    }
}
