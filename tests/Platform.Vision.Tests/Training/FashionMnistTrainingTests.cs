using System.Diagnostics;
using FluentAssertions;
using Platform.Torch;
using Platform.Torch.Nn;
using Platform.Torch.Optim;
using Platform.Torch.Optim.Schedules;
using Platform.Vision.Data;
using Platform.Vision.Datasets;
using Platform.Vision.Models;
using Platform.Vision.Transforms;
using Xunit.Abstractions;

namespace Platform.Vision.Tests.Training;

using Torch = Platform.Torch.Torch;

/// <summary>End-to-end on real data: zoo model, loader, transforms, optimizer and schedule together.</summary>
public class FashionMnistTrainingTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void SmallCnnReachesAtLeast89PercentTestAccuracyInTwoEpochsOnTheCpu()
    {
        Torch.SetNumThreads(2);
        Torch.TuneMallocForTensors();
        Torch.ManualSeed(0);
        var (mean, std) = BuiltinDatasets.Statistics("fashion-mnist");
        var normalize = new Normalize(mean, std);
        var train = new DataLoader(TestData.FashionTrain, new DataLoaderOptions { BatchSize = 128, Shuffle = true, Seed = 0, Transform = normalize });
        var test = new DataLoader(TestData.FashionTest, new DataLoaderOptions { BatchSize = 1000, Transform = normalize });
        using var model = ModelZoo.Create("smallcnn", new ModelOptions(1, 10, 28));
        using var optimizer = new Adam(model.Parameters(), 2e-3);
        var schedule = new CosineAnnealingLr(optimizer, 2 * train.BatchCount);

        var clock = Stopwatch.StartNew();
        for (var epoch = 0; epoch < 2; epoch++)
        {
            model.Train();
            foreach (var batch in train.Epoch(epoch))
            {
                using (batch)
                using (Torch.NewDisposeScope())
                {
                    optimizer.ZeroGrad();
                    Functional.CrossEntropy(model.Forward(batch.Images), batch.Labels).Backward();
                    optimizer.Step();
                    schedule.Step();
                }
            }
        }
        var trainSeconds = clock.Elapsed.TotalSeconds;

        model.Eval();
        long correct = 0;
        using (Torch.NoGrad())
        {
            foreach (var batch in test.Epoch())
            {
                using (batch)
                using (Torch.NewDisposeScope())
                {
                    correct += model.Forward(batch.Images).ArgMax(1).Eq(batch.Labels).Sum().Item<long>();
                }
            }
        }
        var accuracy = correct / 10000.0;
        output.WriteLine($"smallcnn, 2 epochs, Adam 2e-3 cosine, batch 128, {Torch.NumThreads} threads, OPENBLAS_NUM_THREADS={Environment.GetEnvironmentVariable("OPENBLAS_NUM_THREADS") ?? "unset"}: test accuracy {accuracy:P2}, training {trainSeconds:F1} s");
        accuracy.Should().BeGreaterThanOrEqualTo(0.89);
    }
}
