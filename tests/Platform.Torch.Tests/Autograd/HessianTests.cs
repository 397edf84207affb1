using FluentAssertions;
using Platform.Torch.Nn;
using Xunit;

namespace Platform.Torch.Tests.Autograd;

/// <summary>Double backward checked without PyTorch: finite differences and Hutchinson.</summary>
public class HessianTests
{
    private static Sequential TinyModel()
    {
        Torch.ManualSeed(11);
        var model = new Sequential(new Linear(6, 8), new GELU(), new Linear(8, 3));
        model.To(ScalarType.Float64);
        return model;
    }

    private static Tensor InputGradient(Module model, Tensor x, Tensor y, bool createGraph)
    {
        var loss = Functional.CrossEntropy(model.Forward(x), y, Reduction.Sum);
        return Platform.Torch.Autograd.Grad(loss, x, createGraph: createGraph);
    }

    private static Tensor Hvp(Module model, Tensor x, Tensor y, Tensor v)
    {
        var g = InputGradient(model, x, y, createGraph: true);
        return Platform.Torch.Autograd.Grad((g * v).Sum(), x);
    }

    [Fact]
    public void HessianVectorProductMatchesFiniteDifferenceOfGradients()
    {
        using var scope = Torch.NewDisposeScope();
        using var model = TinyModel();
        using var gen = new Generator(3);
        var x = Tensor.Randn([2, 6], gen, ScalarType.Float64).RequiresGrad_();
        var y = Tensor.From(new long[] { 1, 2 });
        var v = Tensor.Randn([2, 6], gen, ScalarType.Float64);

        var hvp = Hvp(model, x, y, v);

        const double eps = 1e-5;
        var xPlus = (x.Detach() + v * eps).RequiresGrad_();
        var xMinus = (x.Detach() - v * eps).RequiresGrad_();
        var fd = (InputGradient(model, xPlus, y, false) - InputGradient(model, xMinus, y, false)) / (2 * eps);

        hvp.Abs().Max().Item<double>().Should().BeGreaterThan(1e-3, "the test needs real curvature");
        hvp.ShouldBeClose(fd, atol: 1e-7, rtol: 1e-5);
    }

    [Fact]
    public void HutchinsonEstimateConvergesToExactHessianTrace()
    {
        using var scope = Torch.NewDisposeScope();
        using var model = TinyModel();
        using var gen = new Generator(5);
        var x = Tensor.Randn([1, 6], gen, ScalarType.Float64).RequiresGrad_();
        var y = Tensor.From(new long[] { 0 });

        // Exact Hessian, one column per unit vector.
        var columns = new double[6][];
        for (var i = 0; i < 6; i++)
        {
            using var inner = Torch.NewDisposeScope();
            var e = Tensor.Zeros([1, 6], ScalarType.Float64);
            e.Select(1, i).Fill_(1);
            columns[i] = Hvp(model, x, y, e).ToArray<double>();
        }
        var trace = Enumerable.Range(0, 6).Sum(i => columns[i][i]);
        var offDiagonalSquares = 0.0;
        for (var i = 0; i < 6; i++)
        {
            for (var j = 0; j < 6; j++)
            {
                columns[i][j].Should().BeApproximately(columns[j][i], 1e-10, "the Hessian is symmetric");
                offDiagonalSquares += i == j ? 0 : columns[i][j] * columns[i][j];
            }
        }

        // Hutchinson with Rademacher probes: E[vᵀHv] = tr(H), Var = 2 Σ_{i≠j} H_ij².
        const int samples = 2000;
        var sum = 0.0;
        for (var s = 0; s < samples; s++)
        {
            using var inner = Torch.NewDisposeScope();
            var v = Tensor.RandInt(0, 2, [1, 6], gen, ScalarType.Float64) * 2.0 - 1.0;
            sum += (Hvp(model, x, y, v) * v).Sum().Item<double>();
        }
        var estimate = sum / samples;
        var standardError = Math.Sqrt(2 * offDiagonalSquares / samples);

        Math.Abs(trace).Should().BeGreaterThan(1e-3);
        estimate.Should().BeApproximately(trace, 4 * standardError + 1e-9);
    }
}
