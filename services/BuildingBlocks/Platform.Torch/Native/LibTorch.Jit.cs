using System.Runtime.InteropServices;

namespace Platform.Torch.Native;

internal static unsafe partial class LibTorch
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ScriptModuleHandle pt_jit_load(string path, int deviceType, int deviceIndex);
    [LibraryImport(Library)] internal static partial void pt_jit_free(IntPtr module);
    [LibraryImport(Library)] internal static partial TensorHandle pt_jit_forward(ScriptModuleHandle module, IntPtr* inputs, int n);
    [LibraryImport(Library)] internal static partial int pt_jit_train(ScriptModuleHandle module, int on);
    [LibraryImport(Library)] internal static partial int pt_jit_to(ScriptModuleHandle module, int deviceType, int deviceIndex, int dtype);
    [LibraryImport(Library)] internal static partial int pt_jit_named_parameters(ScriptModuleHandle module, IntPtr* tensors, IntPtr* names, int capacity);
}
