using System.Diagnostics;
using FluentAssertions;
using Platform.Contracts.Training;
using Platform.Torch;
using Platform.Training.Methods.Training;
using Platform.Vision.Datasets;
using Xunit.Abstractions;

namespace Platform.Training.Tests.Training;

[Collection("torch")]
public sealed class TrainerTests(ITestOutputHelper output)
{
    private static readonly Lazy<(IImageDataset Train, IImageDataset Test)> Fmnist = new(() =>
        (BuiltinDatasets.Load("fashion-mnist", DatasetSplit.Train), BuiltinDatasets.Load("fashion-mnist", DatasetSplit.Test)));

    private static TrainSpec SmallRun(int epochs = 2) => new()
    {
        Model = "smallcnn", Epochs = epochs, BatchSize = 128, Seed = 7, Threads = 2,
        Subset = new SubsetSpec { Size = 4000, Seed = 1 }, TestSamples = 2000,
        Optimizer = new OptimizerSpec { Name = "sgd", Lr = 0.05, Schedule = "constant" },
    };

    [Fact]
    public async Task TheSameSeedGivesIdenticalMetrics()
    {
        var first = await RunAsync(SmallRun());
        var second = await RunAsync(SmallRun());

        second.Select(m => (m.TrainLoss, m.TestLoss, m.TestAccuracy))
            .Should().Equal(first.Select(m => (m.TrainLoss, m.TestLoss, m.TestAccuracy)));
        first[^1].TestAccuracy.Should().BeGreaterThan(0.7);
    }

    [Fact]
    public async Task ResumingFromACheckpointContinuesTheSameRun()
    {
        var spec = SmallRun();
        var data = TrainingDataBuilder.Build(spec, Fmnist.Value.Train, Fmnist.Value.Test);
        var checkpoint = new MemoryStream();
        List<EpochMetrics> uninterrupted;
        using (var full = new Trainer(spec, data, Device.Cpu))
        {
            await full.RunAsync(new Recorder(e => { if (e == 1) full.SaveCheckpoint(checkpoint); }), CancellationToken.None);
            uninterrupted = full.History;
        }
        checkpoint.Position = 0;
        using var resumed = new Trainer(spec, data, Device.Cpu);
        resumed.LoadCheckpoint(checkpoint);

        resumed.CompletedEpochs.Should().Be(1);
        await resumed.RunAsync(new Recorder(), CancellationToken.None);

        resumed.History.Should().HaveCount(2);
        resumed.History[1].TestAccuracy.Should().BeApproximately(uninterrupted[1].TestAccuracy, 0.005);
        resumed.Train.Epochs.Should().Be(2, "trajectories of the first epoch come back with the checkpoint");
    }

    private async Task<List<EpochMetrics>> RunAsync(TrainSpec spec)
    {
        Torch.Torch.SetNumThreads(2);
        var data = TrainingDataBuilder.Build(spec, Fmnist.Value.Train, Fmnist.Value.Test);
        using var trainer = new Trainer(spec, data, Device.Cpu);
        var clock = Stopwatch.StartNew();
        await trainer.RunAsync(new Recorder(), CancellationToken.None);
        output.WriteLine($"{spec.Epochs} epochs on {data.Train.Count} samples: {clock.Elapsed.TotalSeconds:0.0} s, " +
                         $"test accuracy {trainer.History[^1].TestAccuracy:P2}");
        return trainer.History;
    }

    private sealed class Recorder(Action<int>? onCheckpoint = null) : ITrainingObserver
    {
        public void BatchDone(int epoch, int batch, int batchesPerEpoch) { }

        public Task EpochEndedAsync(EpochMetrics metrics) => Task.CompletedTask;

        public Task CheckpointAsync(int epochsDone)
        {
            onCheckpoint?.Invoke(epochsDone);
            return Task.CompletedTask;
        }
    }
}
