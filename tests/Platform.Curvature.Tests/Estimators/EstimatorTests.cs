using FluentAssertions;
using Platform.Curvature.Methods.Estimators;
using Platform.Torch;
using Platform.Torch.Nn;

namespace Platform.Curvature.Tests.Estimators;

[Collection("torch")]
public sealed class EstimatorTests
{
    private const int Features = 6;

    private static (Module Model, Tensor X, Tensor Y, int[] Ids) Tiny(int n = 5)
    {
        Torch.Torch.ManualSeed(11);
        var model = new Sequential(new Linear(Features, 16), new GELU(), new Linear(16, 3));
        model.To(ScalarType.Float64).Eval();
        var x = Tensor.Randn([n, Features], dtype: ScalarType.Float64);
        var y = Tensor.From(Enumerable.Range(0, n).Select(i => (long)(i % 3)).ToArray());
        return (model, x, y, Enumerable.Range(100, n).ToArray());
    }

    /// <summary>Exact per-sample input-Hessian traces, one unit vector at a time.</summary>
    private static double[] ExactTraces(Module model, Tensor x, Tensor y)
    {
        var n = (int)x.Shape[0];
        var traces = new double[n];
        var xi = x.Detach().RequiresGrad_();
        var g = Autograd.Grad([Functional.CrossEntropy(model.Forward(xi), y, Reduction.Sum)], [xi], createGraph: true)[0]!;
        for (var d = 0; d < Features; d++)
        {
            var e = Tensor.Zeros([n, Features], ScalarType.Float64);
            e.Narrow(1, d, 1).Fill_(1);
            var hv = Autograd.Grad([(g * e).Sum()], [xi], retainGraph: true)[0]!;
            var diag = hv.Narrow(1, d, 1).Reshape(n).ToArray<double>();
            for (var i = 0; i < n; i++) traces[i] += diag[i];
        }
        return traces;
    }

    [Fact]
    public void HutchinsonWithManyDirectionsConvergesToTheExactTrace()
    {
        using var scope = Torch.Torch.NewDisposeScope();
        var (model, x, y, ids) = Tiny();
        var exact = ExactTraces(model, x, y);

        var estimate = new HutchinsonTrace().Score(model, x, y, ids, new EstimatorOptions(Directions: 4000, Seed: 3));

        for (var i = 0; i < exact.Length; i++)
            estimate[i].Should().BeApproximately(exact[i], 0.05 * Math.Abs(exact[i]) + 0.01, $"sample {i}");
    }

    [Fact]
    public void FiniteDifferenceGradNormApproachesHTimesTheNormOfHr()
    {
        using var scope = Torch.Torch.NewDisposeScope();
        var (model, x, y, ids) = Tiny();
        const double h = 1e-5;
        var options = new EstimatorOptions(Directions: 8, Step: h, Seed: 5);

        var fd = new FiniteDifferenceGradNorm(squared: false).Score(model, x, y, ids, options);

        var xi = x.Detach().RequiresGrad_();
        var g = Autograd.Grad([Functional.CrossEntropy(model.Forward(xi), y, Reduction.Sum)], [xi], createGraph: true)[0]!;
        var expected = new double[ids.Length];
        for (var k = 0; k < 8; k++)
        {
            var r = RademacherDirections.For(ids, [Features], 5, k).To(ScalarType.Float64);
            var hr = Autograd.Grad([(g * r).Sum()], [xi], retainGraph: true)[0]!;
            var norms = hr.Square().Sum(1).Sqrt().ToArray<double>();
            for (var i = 0; i < ids.Length; i++) expected[i] += h * norms[i] / 8;
        }
        for (var i = 0; i < ids.Length; i++)
            fd[i].Should().BeApproximately(expected[i], 1e-3 * expected[i], $"sample {i}");
    }

    [Fact]
    public void ZeroOrderMixedDifferenceTracksHTimesRtHs()
    {
        using var scope = Torch.Torch.NewDisposeScope();
        var (model, x, y, ids) = Tiny();
        const double h = 1e-3;
        var zo = new ZeroOrderMixedDifference();

        var scores = zo.Score(model, x, y, ids, new EstimatorOptions(Directions: 6, Step: h, Seed: 8));

        var xi = x.Detach().RequiresGrad_();
        var g = Autograd.Grad([Functional.CrossEntropy(model.Forward(xi), y, Reduction.Sum)], [xi], createGraph: true)[0]!;
        var expected = new double[ids.Length];
        for (var k = 0; k < 6; k++)
        {
            var r = RademacherDirections.For(ids, [Features], 8, k, stream: 1).To(ScalarType.Float64);
            var s = RademacherDirections.For(ids, [Features], 8, k, stream: 2).To(ScalarType.Float64);
            var hs = Autograd.Grad([(g * s).Sum()], [xi], retainGraph: true)[0]!;
            var rhs = (r * hs).Sum(1).ToArray<double>();
            for (var i = 0; i < ids.Length; i++) expected[i] += h * Math.Abs(rhs[i]) / 6;
        }
        for (var i = 0; i < ids.Length; i++)
        {
            scores[i].Should().BeApproximately(expected[i], 0.02 * expected[i] + 1e-9, $"sample {i}");
            zo.NoiseFloor[i].Should().BeLessThan(scores[i] / 1000, "float64 differences are far above rounding");
        }
    }

    [Theory]
    [InlineData("hutchinson_trace")]
    [InlineData("fd_gradnorm")]
    [InlineData("fd_gradnorm_sq")]
    [InlineData("zo_mixed_abs")]
    public void ScoresAreDeterministicAndIndependentOfTheBatchSize(string name)
    {
        using var scope = Torch.Torch.NewDisposeScope();
        var (model, x, y, ids) = Tiny(n: 9);
        IInputCurvatureEstimator estimator = name switch
        {
            "hutchinson_trace" => new HutchinsonTrace(),
            "fd_gradnorm" => new FiniteDifferenceGradNorm(false),
            "fd_gradnorm_sq" => new FiniteDifferenceGradNorm(true),
            _ => new ZeroOrderMixedDifference(),
        };
        var options = new EstimatorOptions(Directions: 4, Seed: 21);

        var whole = estimator.Score(model, x, y, ids, options);
        var again = estimator.Score(model, x, y, ids, options);
        var inParts = new[] { (0, 4), (4, 5) }.SelectMany(p =>
            estimator.Score(model, x.Narrow(0, p.Item1, p.Item2), y.Narrow(0, p.Item1, p.Item2), ids[p.Item1..(p.Item1 + p.Item2)], options)).ToArray();

        again.Should().Equal(whole);
        inParts.Should().Equal(whole, (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b)));
    }
}
