using System.Runtime.InteropServices;

namespace Platform.Torch.Native;

internal static unsafe partial class LibTorch
{
    [LibraryImport(Library)] internal static partial int pt_sort(TensorHandle t, long dim, int descending, out IntPtr values, out IntPtr indices);
    [LibraryImport(Library)] internal static partial int pt_topk(TensorHandle t, long k, long dim, int largest, out IntPtr values, out IntPtr indices);
    [LibraryImport(Library)] internal static partial TensorHandle pt_cumsum(TensorHandle t, long dim);
    [LibraryImport(Library)] internal static partial TensorHandle pt_var_std(TensorHandle t, long* dims, int ndims, int unbiased, int keepdim, int std);
    [LibraryImport(Library)] internal static partial int pt_svd(TensorHandle a, int fullMatrices, out IntPtr u, out IntPtr s, out IntPtr vh);
}
