using System.Runtime.InteropServices;

namespace Platform.Torch.Native;

internal static unsafe partial class LibTorch
{
    [LibraryImport(Library)] internal static partial int pt_cuda_memory_stats_available();
    [LibraryImport(Library)] internal static partial int pt_cuda_memory_stats(int deviceIndex, long* stats);
    [LibraryImport(Library)] internal static partial int pt_cuda_reset_peak_memory_stats(int deviceIndex);
    [LibraryImport(Library)] internal static partial int pt_cuda_empty_cache();
}
