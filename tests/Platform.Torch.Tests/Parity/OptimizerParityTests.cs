using System.Text.Json;
using FluentAssertions;
using Platform.Torch.Optim;
using Platform.Torch.Optim.Schedules;
using Xunit;

namespace Platform.Torch.Tests.Parity;

/// <summary>Three optimizer steps on fixed gradients and LR schedules against torch.optim.</summary>
public class OptimizerParityTests
{
    public static TheoryData<string> Optimizers => new() { "sgd", "sgd_plain", "adam", "adamw", "rmsprop" };

    private static Optimizer Create(string name, Tensor p) => name switch
    {
        "sgd" => new Sgd([p], 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01),
        "sgd_plain" => new Sgd([p], 0.1, momentum: 0.5, dampening: 0.1),
        "adam" => new Adam([p], 0.01, weightDecay: 0.01),
        "adamw" => new AdamW([p], 0.01, weightDecay: 0.1),
        "rmsprop" => new RmsProp([p], 0.01, momentum: 0.5, centered: true, weightDecay: 0.01),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void StepsMatchTorchOptim(string name)
    {
        using var scope = Torch.NewDisposeScope();
        var fx = Platform.Torch.Serialization.SafeTensors.Load(TestSupport.FixturePath("optimizers.safetensors"));
        var p = fx["p0"].Clone().Detach().RequiresGrad_();
        using var optimizer = Create(name, p);
        for (var i = 0; i < 3; i++)
        {
            optimizer.ZeroGrad();
            (p * fx[$"grad{i}"]).Sum().Backward(); // d/dp = grad_i
            optimizer.Step();
            p.ShouldBeClose(fx[$"{name}_step{i}"], atol: 1e-6, rtol: 1e-5, because: $"step {i}");
        }
    }

    [Fact]
    public void LearningRateSchedulesMatchTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var expected = JsonSerializer.Deserialize<Dictionary<string, double[]>>(File.ReadAllText(TestSupport.FixturePath("schedules.json")))!;
        var p = Tensor.Zeros([1]).RequiresGrad_();
        Check(expected["step"], o => new StepLr(o, 3, 0.5));
        Check(expected["cosine"], o => new CosineAnnealingLr(o, 10, 0.001));
        Check(expected["linear"], o => new LinearLr(o, 0.25, totalIters: 4));
        Check(expected["onecycle"], o => new OneCycleLr(o, 0.5, 20));

        void Check(double[] lrs, Func<Optimizer, LrScheduler> make)
        {
            using var optimizer = new Sgd([p], 0.1);
            var schedule = make(optimizer);
            foreach (var lr in lrs)
            {
                optimizer.LearningRate.Should().BeApproximately(lr, 1e-12);
                optimizer.Step();
                schedule.Step();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void ResumingFromASavedStateDictContinuesExactly(string name)
    {
        using var scope = Torch.NewDisposeScope();
        var fx = Platform.Torch.Serialization.SafeTensors.Load(TestSupport.FixturePath("optimizers.safetensors"));
        var path = Path.Combine(Path.GetTempPath(), $"pt-optim-{Guid.NewGuid():N}.safetensors");
        var p = fx["p0"].Clone().Detach().RequiresGrad_();
        using (var first = Create(name, p))
        {
            for (var i = 0; i < 2; i++)
            {
                first.ZeroGrad();
                (p * fx[$"grad{i}"]).Sum().Backward();
                first.Step();
            }
            Platform.Torch.Serialization.SafeTensors.Save(path, first.StateDict());
        }
        using var resumed = Create(name, p);
        resumed.LoadStateDict(Platform.Torch.Serialization.SafeTensors.Load(path));
        File.Delete(path);
        resumed.ZeroGrad();
        (p * fx["grad2"]).Sum().Backward();
        resumed.Step();
        p.ShouldBeClose(fx[$"{name}_step2"], atol: 1e-6, rtol: 1e-5, because: "the third step after a save/load must equal the uninterrupted one");
    }
}
