using System.Globalization;
using Platform.Torch;

namespace Platform.Benchmarks.Torch;

/// <summary>Command-line settings shared with tests/reference/bench_torch.py (same names, same defaults).</summary>
internal sealed record TorchBenchOptions
{
    public string Bench { get; init; } = "all";
    public int Threads { get; init; } = 2;
    public string Device { get; init; } = "cpu";
    public int TrainSize { get; init; } = 10000;
    public int TrainBatch { get; init; } = 128;
    public int CurvatureSize { get; init; } = 2048;
    public int CurvatureBatch { get; init; } = 256;
    public int Probes { get; init; } = 8;
    public int EstimatorSize { get; init; } = 512;
    public int Directions { get; init; } = 10;
    public double Step { get; init; } = 1e-3;
    public string? ScoresOut { get; init; }
    public string FixturesDir { get; init; } = ".";

    public Device ResolvedDevice => Platform.Torch.Device.Resolve(Device);

    public static TorchBenchOptions Parse(IReadOnlyList<string> args)
    {
        var o = new TorchBenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"option {args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--bench" => o with { Bench = Next() },
                "--threads" => o with { Threads = NextInt() },
                "--device" => o with { Device = Next() },
                "--train-size" => o with { TrainSize = NextInt() },
                "--train-batch" => o with { TrainBatch = NextInt() },
                "--curvature-size" => o with { CurvatureSize = NextInt() },
                "--curvature-batch" => o with { CurvatureBatch = NextInt() },
                "--probes" => o with { Probes = NextInt() },
                "--estimator-size" => o with { EstimatorSize = NextInt() },
                "--directions" => o with { Directions = NextInt() },
                "--step" => o with { Step = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--scores-out" => o with { ScoresOut = Next() },
                "--fixtures" => o with { FixturesDir = Next() },
                _ => throw new ArgumentException($"unknown option '{args[i]}'; options: --bench train|curvature|estimators|all|check, --threads, --device, --train-size, --train-batch, --curvature-size, --curvature-batch, --probes, --estimator-size, --directions, --step, --scores-out, --fixtures"),
            };
        }
        return o;
    }
}
