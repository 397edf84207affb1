using System.Globalization;
using Platform.Torch;
using Platform.Vision.Datasets;
using Platform.Vision.Models;

namespace Platform.Benchmarks.Torch;

/// <summary>
/// The C# half of the C#-vs-Python torch benchmarks (tests/reference/run_torch_bench.sh runs
/// both): a small-CNN training epoch and Hutchinson input curvature, one line each:
/// <c>bench=NAME seconds=S check=VALUE</c>. <c>--bench check</c> runs the GPU parity checks.
/// </summary>
internal static class TorchBenchmark
{
    public static int Run(IReadOnlyList<string> args)
    {
        var options = TorchBenchOptions.Parse(args);
        Platform.Torch.Torch.SetNumThreads(options.Threads);
        if (options.Bench == "check")
        {
            return ParityCheck.Run(options);
        }
        var device = options.ResolvedDevice;
        Platform.Torch.Torch.ManualSeed(0);
        using var model = ModelZoo.Create("smallcnn", new ModelOptions(1, 10, 28));
        model.To(device);
        var inv = CultureInfo.InvariantCulture;
        if (options.Bench is "train" or "all")
        {
            var (images, labels) = BenchData.Load(DatasetSplit.Train, options.TrainSize, device);
            using (images)
            using (labels)
            {
                var (seconds, cpuSeconds, loss) = TrainEpochBenchmark.Run(model, images, labels, options.TrainBatch, device);
                Console.WriteLine(string.Create(inv, $"bench=train_epoch seconds={seconds:F4} cpu_seconds={cpuSeconds:F4} check={loss:G9} device={device} threads={Platform.Torch.Torch.NumThreads}"));
            }
        }
        if (options.Bench is "curvature" or "all")
        {
            var (images, labels) = BenchData.Load(DatasetSplit.Test, options.CurvatureSize, device);
            using (images)
            using (labels)
            {
                var (seconds, cpuSeconds, scores) = CurvatureBenchmark.Run(model, images, labels, options.CurvatureBatch, options.Probes, device);
                Console.WriteLine(string.Create(inv, $"bench=curvature seconds={seconds:F4} cpu_seconds={cpuSeconds:F4} check={scores.Sum(s => (double)s):G9} device={device} threads={Platform.Torch.Torch.NumThreads}"));
                if (options.ScoresOut is not null)
                {
                    File.WriteAllLines(options.ScoresOut, scores.Select(s => s.ToString("G9", inv)));
                }
            }
        }
        if (options.Bench is "estimators")
        {
            var (images, labels) = BenchData.Load(DatasetSplit.Test, options.EstimatorSize, device);
            using (images)
            using (labels)
            {
                foreach (var name in EstimatorBenchmark.Names)
                {
                    // Hutchinson's k is --probes (the k=8); the FD and ZO estimators use --directions (n=10).
                    var directions = name == "hutchinson_trace" ? options.Probes : options.Directions;
                    var settings = new Platform.Curvature.Methods.Estimators.EstimatorOptions(directions, options.Step, Seed: 0);
                    var (seconds, cpuSeconds, scores) = EstimatorBenchmark.Run(model, images, labels, name, options.CurvatureBatch, settings, device);
                    Console.WriteLine(string.Create(inv, $"bench=est_{name} seconds={seconds:F4} cpu_seconds={cpuSeconds:F4} check={scores.Sum():G5} device={device} threads={Platform.Torch.Torch.NumThreads} samples_per_second={scores.Length / seconds:F1}"));
                    if (options.ScoresOut is not null)
                    {
                        File.WriteAllLines(options.ScoresOut + "." + name, scores.Select(s => s.ToString("G17", inv)));
                    }
                }
            }
        }
        return 0;
    }
}
