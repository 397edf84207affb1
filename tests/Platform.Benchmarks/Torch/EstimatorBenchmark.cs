using System.Diagnostics;
using Platform.Curvature.Methods.Estimators;
using Platform.Torch;
using Platform.Torch.Nn;

namespace Platform.Benchmarks.Torch;

/// <summary>
/// Per-sample scores/s of the platform's input-curvature estimators (Platform.Curvature, as the score and
/// memorization jobs run them) on the first N test images, batch by batch; bench_torch.py runs the same
/// estimators written plainly in PyTorch (a loop over directions) with the same per-sample directions.
/// </summary>
internal static class EstimatorBenchmark
{
    public static readonly string[] Names = ["hutchinson_trace", "fd_gradnorm", "fd_gradnorm_sq", "zo_mixed_abs"];

    public static (double Seconds, double CpuSeconds, double[] Scores) Run(
        Module model, Tensor images, Tensor labels, string name, int batchSize, EstimatorOptions options, Device device)
    {
        model.Eval();
        IInputCurvatureEstimator estimator = name switch
        {
            "hutchinson_trace" => new HutchinsonTrace(),
            "fd_gradnorm" => new FiniteDifferenceGradNorm(squared: false),
            "fd_gradnorm_sq" => new FiniteDifferenceGradNorm(squared: true),
            "zo_mixed_abs" => new ZeroOrderMixedDifference(),
            _ => throw new ArgumentException($"unknown estimator '{name}'"),
        };
        var n = (int)images.Size(0);
        var scores = new double[n];
        TrainEpochBenchmark.Synchronize(device);
        var cpu = CpuClock.Start();
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < n; start += batchSize)
        {
            var size = Math.Min(batchSize, n - start);
            using var scope = Platform.Torch.Torch.NewDisposeScope();
            var keys = Enumerable.Range(start, size).ToArray();
            estimator.Score(model, images.Narrow(0, start, size), labels.Narrow(0, start, size), keys, options).CopyTo(scores, start);
        }
        TrainEpochBenchmark.Synchronize(device);
        return (clock.Elapsed.TotalSeconds, cpu.Elapsed, scores);
    }
}
