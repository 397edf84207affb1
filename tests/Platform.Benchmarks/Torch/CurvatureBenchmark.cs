using System.Diagnostics;
using Platform.Torch;
using Platform.Torch.Nn;

namespace Platform.Benchmarks.Torch;

/// <summary>
/// Per-sample input curvature by Hutchinson: for each batch, g = ∇ₓ Σᵢ CE(f(xᵢ), yᵢ) with a
/// graph, then for k Rademacher probes v: Hv = ∇ₓ(g·v) and score_i += vᵢ·(Hv)ᵢ; score /= k.
/// </summary>
internal static class CurvatureBenchmark
{
    public static (double Seconds, double CpuSeconds, float[] Scores) Run(Module model, Tensor images, Tensor labels, int batchSize, int probes, Device device)
    {
        model.Eval();
        var n = (int)images.Size(0);
        var scores = new float[n];
        using var generator = new Generator(1234);
        TrainEpochBenchmark.Synchronize(device);
        var cpu = CpuClock.Start();
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < n; start += batchSize)
        {
            var size = Math.Min(batchSize, n - start);
            using var scope = Platform.Torch.Torch.NewDisposeScope();
            var x = images.Narrow(0, start, size).Detach().RequiresGrad_();
            var loss = Functional.CrossEntropy(model.Forward(x), labels.Narrow(0, start, size), Reduction.None).Sum();
            var g = Autograd.Grad(loss, x, createGraph: true);
            Tensor? total = null;
            for (var k = 0; k < probes; k++)
            {
                // Rademacher probes drawn on the CPU so both sides and both devices see the same v.
                var v = (Tensor.RandInt(0, 2, x.Shape, generator).To(ScalarType.Float32) * 2 - 1).To(device);
                var hv = Autograd.Grad((g * v).Sum(), x, retainGraph: true);
                var quad = (v * hv).Sum([1, 2, 3]);
                total = total is null ? quad : total + quad;
            }
            (total! / probes).To(Device.Cpu).ToArray<float>().CopyTo(scores, start);
        }
        TrainEpochBenchmark.Synchronize(device);
        return (clock.Elapsed.TotalSeconds, cpu.Elapsed, scores);
    }
}
