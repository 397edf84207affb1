using Platform.Torch;
using Platform.Torch.Nn;
using Platform.Torch.Serialization;
using Platform.Vision.Models;

namespace Platform.Benchmarks.Torch;

/// <summary>
/// The key parity checks of Platform.Torch.Tests and Platform.Vision.Tests, runnable where no
/// dotnet test exists (the GPU machine): each prints its max abs difference against the PyTorch
/// fixtures, computed on the selected device.
/// </summary>
internal static class ParityCheck
{
    public static int Run(TorchBenchOptions options)
    {
        var device = options.ResolvedDevice;
        Console.WriteLine($"check device={device} libtorch={Platform.Torch.Torch.Version} cuda={Platform.Torch.Torch.CudaIsAvailable} cuda_devices={Platform.Torch.Torch.CudaDeviceCount}");
        var failures = 0;
        failures += InputHvp(Path.Combine(options.FixturesDir, "cnn_parity.safetensors"), device);
        failures += VisionModels(Path.Combine(options.FixturesDir, "models.safetensors"), device);
        TrainEpochBenchmark.Synchronize(device);
        var memory = CudaMemory.GetStats();
        Console.WriteLine($"check cuda_memory available={memory.IsAvailable} allocated={memory.AllocatedBytes} reserved={memory.ReservedBytes} peak_allocated={memory.PeakAllocatedBytes} peak_reserved={memory.PeakReservedBytes}");
        Console.WriteLine(failures == 0 ? "check result=ok" : $"check result=FAILED ({failures})");
        return failures == 0 ? 0 : 1;
    }

    private static int InputHvp(string path, Device device)
    {
        using var scope = Platform.Torch.Torch.NewDisposeScope();
        var fx = SafeTensors.Load(path);
        using var model = new Sequential(
            new Conv2d(1, 4, 3, padding: 1), new BatchNorm2d(4), new ReLU(), new MaxPool2d(2),
            new Conv2d(4, 8, 3, padding: 1), new GroupNorm(2, 8), new GELU(), new AvgPool2d(2),
            new AdaptiveAvgPool2d(1), new Flatten(), new Linear(8, 10));
        model.LoadStateDict(fx.Where(kv => kv.Key.StartsWith("init.", StringComparison.Ordinal)).ToDictionary(kv => kv.Key[5..], kv => kv.Value));
        model.To(device);
        var x0 = fx["x"].To(device);
        var trainDiff = MaxDiff(model.Forward(x0), fx["train_logits"]);
        model.Eval();
        var x = x0.Detach().RequiresGrad_();
        var loss = Functional.CrossEntropy(model.Forward(x), fx["y"].To(device), Reduction.None);
        var gx = Autograd.Grad(loss.Sum(), x, createGraph: true);
        var hvp = Autograd.Grad((gx * fx["v"].To(device)).Sum(), x);
        var lossDiff = MaxDiff(loss, fx["per_sample_loss"]);
        var hvpDiff = MaxDiff(hvp, fx["input_hvp"]);
        return Report("cnn_train_logits", trainDiff, 1e-4) + Report("cnn_per_sample_loss", lossDiff, 1e-4) + Report("cnn_input_hvp", hvpDiff, 1e-3);
    }

    private static int VisionModels(string path, Device device)
    {
        var fx = SafeTensors.Load(path);
        var failures = 0;
        foreach (var (name, zooName, options) in new[]
        {
            ("smallcnn", "smallcnn", new ModelOptions(1, 10, 28)),
            ("resnet18-cifar", "resnet18-cifar", new ModelOptions(3, 10)),
            ("resnet18-cifar-gn", "resnet18-cifar", new ModelOptions(3, 10, Norm: NormKind.GroupNorm)),
            ("vgg16", "vgg16", new ModelOptions(3, 10)),
        })
        {
            using var scope = Platform.Torch.Torch.NewDisposeScope();
            Platform.Torch.Torch.ManualSeed(0);
            using var model = ModelZoo.Create(zooName, options);
            model.To(device).Eval();
            using var noGrad = Platform.Torch.Torch.NoGrad();
            var output = model.Forward(fx[name + ".x"].To(device));
            var scale = fx[name + ".out"].Abs().Max().Item<float>();
            failures += Report($"model_{name}", MaxDiff(output, fx[name + ".out"]), 1e-4 + 1e-3 * scale);
        }
        return failures;
    }

    private static double MaxDiff(Tensor actual, Tensor expected) =>
        (actual.Detach().To(Device.Cpu, ScalarType.Float64) - expected.To(ScalarType.Float64)).Abs().Max().Item<double>();

    private static int Report(string name, double diff, double tolerance)
    {
        var ok = diff <= tolerance;
        Console.WriteLine($"check {name} max_abs_diff={diff:G4} tolerance={tolerance:G3} {(ok ? "ok" : "FAIL")}");
        return ok ? 0 : 1;
    }
}
