using Platform.Torch.Native;

namespace Platform.Torch;

/// <summary>
/// CUDA caching-allocator statistics and cache control. The shim compiles them only against
/// a CUDA libtorch; on Debian's CPU-only libtorch they report "not available" and zeros.
/// </summary>
public static class CudaMemory
{
    /// <summary>True when the shim was built with CUDA statistics and a GPU is visible.</summary>
    public static bool IsAvailable => LibTorch.pt_cuda_memory_stats_available() != 0 && Torch.CudaIsAvailable;

    /// <summary>Current and peak allocated/reserved bytes of <paramref name="deviceIndex"/>.</summary>
    public static unsafe CudaMemoryStats GetStats(int deviceIndex = 0)
    {
        if (!IsAvailable)
        {
            return new CudaMemoryStats(false, 0, 0, 0, 0);
        }
        Device.Cuda(deviceIndex).EnsureAvailable();
        var stats = stackalloc long[4];
        NativeError.Check(LibTorch.pt_cuda_memory_stats(deviceIndex, stats));
        return new CudaMemoryStats(true, stats[0], stats[1], stats[2], stats[3]);
    }

    /// <summary>Starts peak tracking afresh (torch.cuda.reset_peak_memory_stats); a no-op without CUDA.</summary>
    public static void ResetPeakStats(int deviceIndex = 0)
    {
        if (IsAvailable)
        {
            Device.Cuda(deviceIndex).EnsureAvailable();
            NativeError.Check(LibTorch.pt_cuda_reset_peak_memory_stats(deviceIndex));
        }
    }

    /// <summary>Returns cached, unused blocks to the driver (torch.cuda.empty_cache); a no-op without CUDA.</summary>
    public static void EmptyCache() => NativeError.Check(LibTorch.pt_cuda_empty_cache());
}
