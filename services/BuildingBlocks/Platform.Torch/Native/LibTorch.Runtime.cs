using System.Runtime.InteropServices;

namespace Platform.Torch.Native;

/// <summary>P/Invoke declarations of the shim (libplatform_torch.so), one file per native area.</summary>
internal static unsafe partial class LibTorch
{
    internal const string Library = "platform_torch";

    [LibraryImport(Library)] internal static partial IntPtr pt_last_error();
    [LibraryImport(Library)] internal static partial void pt_free_string(IntPtr s);
    [LibraryImport(Library)] internal static partial void pt_tensor_free(IntPtr t);
    [LibraryImport(Library)] internal static partial void pt_generator_free(IntPtr g);
    [LibraryImport(Library)] internal static partial int pt_set_num_threads(int n);
    [LibraryImport(Library)] internal static partial int pt_get_num_threads();
    [LibraryImport(Library)] internal static partial int pt_manual_seed(ulong seed);
    [LibraryImport(Library)] internal static partial int pt_cuda_is_available();
    [LibraryImport(Library)] internal static partial int pt_cuda_device_count();
    [LibraryImport(Library)] internal static partial int pt_cuda_synchronize(int deviceIndex);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int pt_device_parse(string text, out int deviceType, out int deviceIndex);
    [LibraryImport(Library)] internal static partial IntPtr pt_version();
    [LibraryImport(Library)] internal static partial int pt_grad_enabled();
    [LibraryImport(Library)] internal static partial void pt_set_grad_enabled(int enabled);
    [LibraryImport(Library)] internal static partial int pt_tune_malloc(long mmapThreshold, long trimThreshold);
    [LibraryImport(Library)] internal static partial GeneratorHandle pt_generator_new(ulong seed);
    [LibraryImport(Library)] internal static partial int pt_generator_manual_seed(GeneratorHandle g, ulong seed);
}
