using System.Diagnostics;
using Platform.Torch;
using Platform.Torch.Nn;
using Platform.Torch.Optim;

namespace Platform.Benchmarks.Torch;

/// <summary>One SGD epoch of the zoo's small CNN over in-memory batches, timed after a warm-up step.</summary>
internal static class TrainEpochBenchmark
{
    public static (double Seconds, double CpuSeconds, double LastLoss) Run(Module model, Tensor images, Tensor labels, int batchSize, Device device)
    {
        using var optimizer = new Sgd(model.Parameters(), 0.05, momentum: 0.9);
        model.Train();
        var n = images.Size(0);
        // Warm-up step (oneDNN primitive creation, allocator) outside the clock, as in Python.
        Step(model, optimizer, images.Narrow(0, 0, batchSize), labels.Narrow(0, 0, batchSize));
        Synchronize(device);
        double last = 0;
        var cpu = CpuClock.Start();
        var clock = Stopwatch.StartNew();
        for (long start = 0; start < n; start += batchSize)
        {
            var size = Math.Min(batchSize, n - start);
            using var scope = Platform.Torch.Torch.NewDisposeScope();
            last = Step(model, optimizer, images.Narrow(0, start, size), labels.Narrow(0, start, size), read: start + size >= n);
        }
        Synchronize(device);
        return (clock.Elapsed.TotalSeconds, cpu.Elapsed, last);
    }

    private static double Step(Module model, Optimizer optimizer, Tensor x, Tensor y, bool read = false)
    {
        using var scope = Platform.Torch.Torch.NewDisposeScope();
        optimizer.ZeroGrad();
        var loss = Functional.CrossEntropy(model.Forward(x), y);
        loss.Backward();
        optimizer.Step();
        return read ? loss.Item<float>() : 0;
    }

    internal static void Synchronize(Device device)
    {
        if (device.Type == DeviceType.Cuda)
        {
            Platform.Torch.Torch.CudaSynchronize();
        }
    }
}
