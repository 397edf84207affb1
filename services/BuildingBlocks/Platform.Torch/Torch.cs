using Platform.Torch.Native;

namespace Platform.Torch;

/// <summary>Process-wide libtorch settings: threads, seeds, CUDA presence, grad mode, scopes.</summary>
public static class Torch
{
    /// <summary>libtorch's version string (e.g. "1.13.1").</summary>
    public static string Version => NativeError.TakeString(LibTorch.pt_version());

    /// <summary>Intra-op threads (at::set_num_threads). libtorch defaults to 1 on small machines; set it explicitly.</summary>
    public static void SetNumThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        NativeError.Check(LibTorch.pt_set_num_threads(threads));
    }

    /// <summary>
    /// Raises glibc malloc's mmap threshold (32 MiB) and trim threshold (1 GiB) so large tensor
    /// buffers are reused instead of page-faulting afresh on every allocation; call once at
    /// start-up of training or scoring hosts (equivalent to the GLIBC_TUNABLES setting).
    /// </summary>
    public static void TuneMallocForTensors(long mmapThresholdBytes = 32L << 20, long trimThresholdBytes = 1L << 30)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mmapThresholdBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(trimThresholdBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mmapThresholdBytes, int.MaxValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trimThresholdBytes, int.MaxValue);
        NativeError.Check(LibTorch.pt_tune_malloc(mmapThresholdBytes, trimThresholdBytes));
    }

    /// <summary>Current intra-op thread count.</summary>
    public static int NumThreads => LibTorch.pt_get_num_threads();

    /// <summary>Seeds the default CPU and CUDA generators (torch.manual_seed).</summary>
    public static void ManualSeed(ulong seed) => NativeError.Check(LibTorch.pt_manual_seed(seed));

    /// <summary>True when libtorch was built with CUDA and a GPU is visible.</summary>
    public static bool CudaIsAvailable => LibTorch.pt_cuda_is_available() != 0;

    /// <summary>Number of visible CUDA devices (0 on CPU-only builds).</summary>
    public static int CudaDeviceCount => LibTorch.pt_cuda_device_count();

    /// <summary>Waits for all kernels on a CUDA device (-1: current); throws when CUDA is absent.</summary>
    public static void CudaSynchronize(int deviceIndex = -1)
    {
        Device.Cuda(deviceIndex).EnsureAvailable();
        NativeError.Check(LibTorch.pt_cuda_synchronize(deviceIndex));
    }

    /// <summary>Whether autograd records operations on this thread.</summary>
    public static bool IsGradEnabled => LibTorch.pt_grad_enabled() != 0;

    /// <summary>Disables autograd on this thread until the returned scope is disposed (torch.no_grad()).</summary>
    public static NoGradScope NoGrad() => new(enabled: false);

    /// <summary>Enables autograd on this thread until the returned scope is disposed (torch.enable_grad()).</summary>
    public static NoGradScope EnableGrad() => new(enabled: true);

    /// <summary>Opens a <see cref="DisposeScope"/> on this thread; tensors created inside die with it.</summary>
    public static DisposeScope NewDisposeScope() => new();
}
