using System.Runtime.InteropServices;

namespace Platform.Torch.Native;

internal static unsafe partial class LibTorch
{
    [LibraryImport(Library)] internal static partial int pt_backward(TensorHandle t, TensorHandle gradient, int retainGraph, int createGraph);
    [LibraryImport(Library)] internal static partial int pt_autograd_grad(IntPtr* outputs, int nOutputs, IntPtr* inputs, int nInputs, IntPtr* gradOutputs, int retainGraph, int createGraph, int allowUnused, IntPtr* result);
    [LibraryImport(Library)] internal static partial int pt_tensor_grad(TensorHandle t, out IntPtr grad);
    [LibraryImport(Library)] internal static partial int pt_tensor_clear_grad(TensorHandle t);
    [LibraryImport(Library)] internal static partial int pt_tensor_is_leaf(TensorHandle t);
}
