using System.Runtime.InteropServices;

namespace Platform.Torch.Native;

internal static unsafe partial class LibTorch
{
    [LibraryImport(Library)] internal static partial TensorHandle pt_unary(TensorHandle t, int op);
    [LibraryImport(Library)] internal static partial TensorHandle pt_binary(TensorHandle a, TensorHandle b, int op);
    [LibraryImport(Library)] internal static partial TensorHandle pt_binary_scalar(TensorHandle a, double d, long i, int isInt, int op);
    [LibraryImport(Library)] internal static partial TensorHandle pt_clamp(TensorHandle t, double min, double max);
    [LibraryImport(Library)] internal static partial TensorHandle pt_where(TensorHandle cond, TensorHandle a, TensorHandle b);
    [LibraryImport(Library)] internal static partial TensorHandle pt_matmul(TensorHandle a, TensorHandle b);
    [LibraryImport(Library)] internal static partial TensorHandle pt_reduce(TensorHandle t, int op, long* dims, int ndims, int keepdim);
    [LibraryImport(Library)] internal static partial int pt_max_min_dim(TensorHandle t, int isMax, long dim, int keepdim, out IntPtr values, out IntPtr indices);
    [LibraryImport(Library)] internal static partial TensorHandle pt_norm(TensorHandle t, double p, long* dims, int ndims, int keepdim);
    [LibraryImport(Library)] internal static partial int pt_allclose(TensorHandle a, TensorHandle b, double rtol, double atol, out int result);

    [LibraryImport(Library)] internal static partial TensorHandle pt_reshape(TensorHandle t, long* shape, int ndim);
    [LibraryImport(Library)] internal static partial TensorHandle pt_view(TensorHandle t, long* shape, int ndim);
    [LibraryImport(Library)] internal static partial TensorHandle pt_expand(TensorHandle t, long* shape, int ndim);
    [LibraryImport(Library)] internal static partial TensorHandle pt_repeat(TensorHandle t, long* repeats, int ndim);
    [LibraryImport(Library)] internal static partial TensorHandle pt_permute(TensorHandle t, long* order, int ndim);
    [LibraryImport(Library)] internal static partial TensorHandle pt_transpose(TensorHandle t, long dim0, long dim1);
    [LibraryImport(Library)] internal static partial TensorHandle pt_squeeze(TensorHandle t, long dim, int hasDim);
    [LibraryImport(Library)] internal static partial TensorHandle pt_unsqueeze(TensorHandle t, long dim);
    [LibraryImport(Library)] internal static partial TensorHandle pt_flatten(TensorHandle t, long startDim, long endDim);
    [LibraryImport(Library)] internal static partial TensorHandle pt_narrow(TensorHandle t, long dim, long start, long length);
    [LibraryImport(Library)] internal static partial TensorHandle pt_select(TensorHandle t, long dim, long index);
    [LibraryImport(Library)] internal static partial TensorHandle pt_slice(TensorHandle t, long dim, long start, long end, long step);
    [LibraryImport(Library)] internal static partial TensorHandle pt_index(TensorHandle t, TensorHandle index);
    [LibraryImport(Library)] internal static partial TensorHandle pt_index_select(TensorHandle t, long dim, TensorHandle index);
    [LibraryImport(Library)] internal static partial TensorHandle pt_masked_fill(TensorHandle t, TensorHandle mask, double value);
    [LibraryImport(Library)] internal static partial TensorHandle pt_cat(IntPtr* items, int n, long dim);
    [LibraryImport(Library)] internal static partial TensorHandle pt_stack(IntPtr* items, int n, long dim);
    [LibraryImport(Library)] internal static partial TensorHandle pt_gather(TensorHandle t, long dim, TensorHandle index);
    [LibraryImport(Library)] internal static partial TensorHandle pt_scatter(TensorHandle t, long dim, TensorHandle index, TensorHandle src, int add);
    [LibraryImport(Library)] internal static partial TensorHandle pt_one_hot(TensorHandle t, long numClasses);
}
