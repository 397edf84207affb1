using FluentAssertions;
using Platform.Torch.Nn;
using Xunit;

namespace Platform.Torch.Tests.Parity;

/// <summary>A small CNN against values from tests/reference/generate_fixtures.py (cnn_fixture).</summary>
public sealed class CnnParityTests : IDisposable
{
    private readonly Dictionary<string, Tensor> _fx = TestSupport.LoadFixture("cnn_parity.safetensors");

    internal static Sequential SmallCnn() => new(
        new Conv2d(1, 4, 3, padding: 1), new BatchNorm2d(4), new ReLU(), new MaxPool2d(2),
        new Conv2d(4, 8, 3, padding: 1), new GroupNorm(2, 8), new GELU(), new AvgPool2d(2),
        new AdaptiveAvgPool2d(1), new Flatten(), new Linear(8, 10));

    private Sequential LoadedModel()
    {
        var model = SmallCnn();
        var init = _fx.Where(kv => kv.Key.StartsWith("init.", StringComparison.Ordinal)).ToDictionary(kv => kv.Key["init.".Length..], kv => kv.Value);
        model.LoadStateDict(init);
        return model;
    }

    [Fact]
    public void DefaultInitialisationIsBitIdenticalToPyTorchForTheSameSeed()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(0);
        using var model = SmallCnn();
        var state = model.StateDict();
        state.Keys.Should().BeEquivalentTo(_fx.Keys.Where(k => k.StartsWith("init.", StringComparison.Ordinal)).Select(k => k[5..]));
        foreach (var (name, tensor) in state)
        {
            tensor.ShouldBeClose(_fx["init." + name], atol: 0, rtol: 0, because: name);
        }
    }

    [Fact]
    public void TrainingForwardAndBatchNormRunningStatsMatchPyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        using var model = LoadedModel();
        model.Train();
        model.Forward(_fx["x"]).ShouldBeClose(_fx["train_logits"]);
        var bn = (BatchNorm2d)model[1];
        bn.RunningMean!.ShouldBeClose(_fx["train_running_mean"], atol: 1e-6);
        bn.RunningVar!.ShouldBeClose(_fx["train_running_var"], atol: 1e-6);
        bn.NumBatchesTracked!.Item<long>().Should().Be(1);
    }

    [Fact]
    public void EvalForwardLossAndParameterGradientsMatchPyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        using var model = LoadedModel();
        model.Forward(_fx["x"]); // the reference ran one training batch first
        model.Eval();
        var logits = model.Forward(_fx["x"]);
        logits.ShouldBeClose(_fx["eval_logits"]);
        var loss = Functional.CrossEntropy(logits, _fx["y"]);
        loss.ShouldBeClose(_fx["eval_loss"]);
        loss.Backward();
        foreach (var (name, p) in model.NamedParameters())
        {
            p.Grad!.ShouldBeClose(_fx["grad." + name], atol: 1e-6, because: name);
        }
    }

    [Fact]
    public void InputHessianVectorProductOfPerSampleCrossEntropyMatchesPyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        using var model = LoadedModel();
        model.Forward(_fx["x"]);
        model.Eval();
        var x = _fx["x"].Clone().RequiresGrad_();
        var perSample = Functional.CrossEntropy(model.Forward(x), _fx["y"], Reduction.None);
        perSample.ShouldBeClose(_fx["per_sample_loss"]);
        var gx = Platform.Torch.Autograd.Grad(perSample.Sum(), x, createGraph: true);
        gx.ShouldBeClose(_fx["input_grad"], atol: 1e-6);
        var hvp = Platform.Torch.Autograd.Grad((gx * _fx["v"]).Sum(), x);
        hvp.ShouldBeClose(_fx["input_hvp"], atol: 1e-6);
    }

    public void Dispose()
    {
        foreach (var t in _fx.Values)
        {
            t.Dispose();
        }
    }
}
