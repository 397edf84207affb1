using FluentAssertions;
using Platform.Contracts.Training;
using Platform.Torch;
using Platform.Training.Methods.Privacy;
using Platform.Training.Methods.Training;
using Platform.Vision.Datasets;
using Xunit.Abstractions;

namespace Platform.Training.Tests.Training;

[Collection("torch")]
public sealed class PrivateTrainingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DpSgdOnFashionMnistLearnsWithinItsPrivacyBudget()
    {
        Torch.Torch.SetNumThreads(2);
        var spec = new TrainSpec
        {
            Model = "lenet5", Norm = "group", Epochs = 2, BatchSize = 256, Seed = 3, TestSamples = 2000, RecordTrajectories = false,
            Subset = new SubsetSpec { Size = 12000, Seed = 1 },
            Optimizer = new OptimizerSpec { Name = "sgd", Lr = 2.0, Momentum = 0, WeightDecay = 0, Schedule = "constant" },
            Privacy = new PrivacySpec { MaxGradNorm = 1.0, TargetEpsilon = 4.0, Delta = 1e-5 },
        };
        var data = TrainingDataBuilder.Build(spec, BuiltinDatasets.Load("fashion-mnist", DatasetSplit.Train),
            BuiltinDatasets.Load("fashion-mnist", DatasetSplit.Test));
        using var trainer = new Trainer(spec, data, Device.Cpu);

        await trainer.RunAsync(new NullObserver(), CancellationToken.None);

        var last = trainer.History[^1];
        output.WriteLine($"DP-SGD lenet5, 12k samples, 2 epochs, σ={trainer.NoiseMultiplier:F3}: ε={last.Epsilon:F2} at δ=1e-5, " +
                         $"test accuracy {last.TestAccuracy:P2}, {last.ImagesPerSecond:F0} img/s");
        last.Epsilon.Should().BeLessThanOrEqualTo(4.0).And.BeGreaterThan(3.5, "σ is calibrated to spend the budget");
        trainer.History[0].Epsilon.Should().BeLessThan(last.Epsilon!.Value, "ε grows as steps are taken");
        last.TestAccuracy.Should().BeGreaterThan(0.65);
        RdpAccountant.Epsilon(256 / 12000.0, trainer.NoiseMultiplier!.Value, 2L * trainer.StepsPerEpoch, 1e-5).Epsilon
            .Should().BeApproximately(last.Epsilon.Value, 1e-9);
    }

    private sealed class NullObserver : ITrainingObserver
    {
        public void BatchDone(int epoch, int batch, int batchesPerEpoch) { }

        public Task EpochEndedAsync(EpochMetrics metrics) => Task.CompletedTask;

        public Task CheckpointAsync(int epochsDone) => Task.CompletedTask;
    }
}
