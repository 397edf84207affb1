using Platform.Torch.Native;

namespace Platform.Torch;

/// <summary>Where a tensor lives: <c>cpu</c> or <c>cuda:N</c> (index -1 = the current device).</summary>
public readonly record struct Device(DeviceType Type, int Index = -1)
{
    /// <summary>The host.</summary>
    public static Device Cpu { get; } = new(DeviceType.Cpu);

    /// <summary>GPU <paramref name="index"/>.</summary>
    public static Device Cuda(int index = 0) => new(DeviceType.Cuda, index);

    /// <summary>Parses "cpu", "cuda", "cuda:1" with libtorch's parser (its message on bad input).</summary>
    public static Device Parse(string text)
    {
        NativeError.Check(LibTorch.pt_device_parse(text, out var type, out var index));
        return new Device((DeviceType)type, index);
    }

    /// <summary>
    /// The device a configuration value names: "auto" (or empty) picks cuda:0 when CUDA is
    /// available and cpu otherwise; anything else is parsed and must be available.
    /// </summary>
    public static Device Resolve(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured) || configured.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return Torch.CudaIsAvailable ? Cuda(0) : Cpu;
        }
        var device = Parse(configured.Trim());
        device.EnsureAvailable();
        return device;
    }

    /// <summary>Fails early with an actionable message when CUDA is requested but absent.</summary>
    public void EnsureAvailable()
    {
        if (Type == DeviceType.Cuda && !Torch.CudaIsAvailable)
        {
            throw new TorchException($"device '{this}' requested but CUDA is not available (CPU-only libtorch or no GPU); use 'cpu' or build against a CUDA libtorch (TORCH_DIR)");
        }
        if (Type == DeviceType.Cuda && Index >= Torch.CudaDeviceCount)
        {
            throw new TorchException($"device '{this}' requested but only {Torch.CudaDeviceCount} CUDA device(s) exist");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Type switch
    {
        DeviceType.Cpu => "cpu",
        _ => Index < 0 ? "cuda" : $"cuda:{Index}",
    };
}
