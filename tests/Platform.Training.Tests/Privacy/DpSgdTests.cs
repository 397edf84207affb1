using FluentAssertions;
using Platform.Torch;
using Platform.Torch.Nn;
using Platform.Training.Methods.Privacy;

namespace Platform.Training.Tests.Privacy;

[Collection("torch")]
public sealed class DpSgdTests
{
    private static Sequential Model(long stride, long dilation) => new(
        new Conv2d(2, 4, 3, stride: stride, padding: 1, dilation: dilation),
        new GroupNorm(2, 4),
        new ReLU(),
        new Flatten(),
        new Linear(4 * (dilation == 1 ? 6 / stride * (6 / stride) : 4 * 4), 3));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(1, 2)]
    public void PerSampleGradientsEqualOneBackwardPerSample(long stride, long dilation)
    {
        using var scope = Torch.Torch.NewDisposeScope();
        Torch.Torch.ManualSeed(1);
        using var model = Model(stride, dilation);
        var x = Tensor.Randn([5, 2, 6, 6]);
        var y = Tensor.From(new long[] { 0, 1, 2, 1, 0 });
        var layers = model.NamedModules().Select(m => m.Module).Where(PerSampleGradients.Supports).ToList();
        var captured = new List<(Module, Tensor, Tensor)>();
        var hooks = layers.Select(l => l.RegisterForwardHook((m, i, o) => captured.Add((m, i, o)))).ToList();

        var loss = Functional.CrossEntropy(model.Forward(x), y, Reduction.Sum);
        var backprops = Autograd.Grad([loss], captured.Select(c => c.Item3).ToList());
        var perSample = captured.SelectMany((c, i) => PerSampleGradients.Of(c.Item1, c.Item2, backprops[i]!)).ToList();
        hooks.ForEach(h => h.Dispose());

        for (var n = 0; n < 5; n++)
        {
            model.ZeroGrad();
            Functional.CrossEntropy(model.Forward(x.Narrow(0, n, 1)), y.Narrow(0, n, 1), Reduction.Sum).Backward();
            foreach (var (parameter, gradient) in perSample)
            {
                var expected = parameter.Grad!.ToArray<float>();
                var actual = gradient[n].Contiguous().ToArray<float>();
                actual.Should().Equal(expected, (a, e) => Math.Abs(a - e) < 1e-4 + 1e-4 * Math.Abs(e));
            }
        }
    }

    [Fact]
    public void WithoutClippingOrNoiseTheGradientIsTheOrdinaryMeanGradient()
    {
        using var scope = Torch.Torch.NewDisposeScope();
        Torch.Torch.ManualSeed(2);
        using var model = Model(1, 1);
        var x = Tensor.Randn([8, 2, 6, 6]);
        var y = Tensor.From(new long[] { 0, 1, 2, 1, 0, 2, 2, 1 });
        Functional.CrossEntropy(model.Forward(x), y).Backward();
        var expected = model.Parameters().Select(p => p.Grad!.ToArray<float>()).ToList();

        using var dp = new DpSgd(model, new DpSgdOptions(MaxGradNorm: 1e6, NoiseMultiplier: 0, Seed: 0));
        var losses = dp.Step(model, x, y, expectedBatchSize: 8, step: 0);

        losses.Shape.Should().Equal(8);
        var actual = model.Parameters().Select(p => p.Grad!.ToArray<float>()).ToList();
        for (var i = 0; i < expected.Count; i++)
            actual[i].Should().Equal(expected[i], (a, e) => Math.Abs(a - e) < 1e-5 + 1e-4 * Math.Abs(e));
    }

    [Fact]
    public void ClippingBoundsEachSamplesContribution()
    {
        using var scope = Torch.Torch.NewDisposeScope();
        Torch.Torch.ManualSeed(3);
        using var model = Model(1, 1);
        var x = Tensor.Randn([8, 2, 6, 6]) * 10;
        var y = Tensor.From(new long[] { 0, 1, 2, 1, 0, 2, 2, 1 });
        using var dp = new DpSgd(model, new DpSgdOptions(MaxGradNorm: 0.01, NoiseMultiplier: 0, Seed: 0));

        dp.Step(model, x, y, expectedBatchSize: 8, step: 0);

        var norm = Math.Sqrt(model.Parameters().Sum(p => p.Grad!.Square().Sum().Item<float>()));
        norm.Should().BeLessThanOrEqualTo(0.01 + 1e-6, "the mean of gradients of norm ≤ C has norm ≤ C");
        norm.Should().BeGreaterThan(0.001);
    }

    [Fact]
    public void NoiseHasStandardDeviationSigmaTimesCOverTheBatchSize()
    {
        using var scope = Torch.Torch.NewDisposeScope();
        using var model = new Sequential(new Linear(500, 200));
        using var dp = new DpSgd(model, new DpSgdOptions(MaxGradNorm: 2, NoiseMultiplier: 1.5, Seed: 9));

        dp.NoiseOnlyStep(expectedBatchSize: 4, step: 7);
        var weight = model.Parameters().First().Grad!;
        dp.NoiseOnlyStep(expectedBatchSize: 4, step: 7);
        var again = model.Parameters().First().Grad!;

        weight.Std().Item<float>().Should().BeApproximately(1.5f * 2 / 4, 0.01f);
        again.ToArray<float>().Should().Equal(weight.ToArray<float>(), "a step's noise depends only on the seed and step");
    }

    [Fact]
    public void BatchNormModelsAreRefusedWithWhatToUseInstead()
    {
        using var model = new Sequential(new Conv2d(1, 4, 3), new BatchNorm2d(4), new Flatten(), new Linear(4 * 4, 2));

        var act = () => new DpSgd(model, new DpSgdOptions(1, 1, 0));

        act.Should().Throw<NotSupportedException>().WithMessage("*BatchNorm2d*norm=group*");
    }

    [Fact]
    public void PoissonBatchesAreReproducibleAndHaveTheExpectedSize()
    {
        var sampler = new PoissonSampler(10_000, 0.01, seed: 4);

        var sizes = Enumerable.Range(0, 200).Select(s => sampler.Batch(s).Length).ToList();

        sampler.Batch(17).Should().Equal(new PoissonSampler(10_000, 0.01, seed: 4).Batch(17));
        sampler.Batch(17).Should().NotEqual(sampler.Batch(18));
        sizes.Average().Should().BeApproximately(100, 3);
        sampler.StepsPerEpoch.Should().Be(100);
    }
}
