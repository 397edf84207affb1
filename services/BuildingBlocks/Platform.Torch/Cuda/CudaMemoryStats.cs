namespace Platform.Torch;

/// <summary>
/// Bytes held by libtorch's CUDA caching allocator on one device
/// (torch.cuda.memory_allocated / memory_reserved / max_memory_allocated / max_memory_reserved).
/// All zero with <see cref="IsAvailable"/> false on CPU-only builds or hosts without a GPU.
/// </summary>
public readonly record struct CudaMemoryStats(bool IsAvailable, long AllocatedBytes, long ReservedBytes, long PeakAllocatedBytes, long PeakReservedBytes);
