using System.Runtime.InteropServices;

namespace Platform.Torch.Native;

internal static unsafe partial class LibTorch
{
    [LibraryImport(Library)] internal static partial TensorHandle pt_tensor_from_data(void* data, long nbytes, long* shape, int ndim, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Library)] internal static partial TensorHandle pt_empty(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Library)] internal static partial TensorHandle pt_zeros(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Library)] internal static partial TensorHandle pt_ones(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Library)] internal static partial TensorHandle pt_full(long* shape, int ndim, double value, int dtype, int deviceType, int deviceIndex, int requiresGrad);
    [LibraryImport(Library)] internal static partial TensorHandle pt_arange(double start, double end, double step, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Library)] internal static partial TensorHandle pt_rand(long* shape, int ndim, GeneratorHandle g, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Library)] internal static partial TensorHandle pt_randn(long* shape, int ndim, GeneratorHandle g, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Library)] internal static partial TensorHandle pt_randint(long low, long high, long* shape, int ndim, GeneratorHandle g, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Library)] internal static partial TensorHandle pt_randperm(long n, GeneratorHandle g, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Library)] internal static partial int pt_uniform_(TensorHandle t, double from, double to, GeneratorHandle g);
    [LibraryImport(Library)] internal static partial int pt_normal_(TensorHandle t, double mean, double std, GeneratorHandle g);

    [LibraryImport(Library)] internal static partial int pt_tensor_ndim(TensorHandle t);
    [LibraryImport(Library)] internal static partial int pt_tensor_shape(TensorHandle t, long* shape, int capacity);
    [LibraryImport(Library)] internal static partial long pt_tensor_numel(TensorHandle t);
    [LibraryImport(Library)] internal static partial int pt_tensor_dtype(TensorHandle t);
    [LibraryImport(Library)] internal static partial int pt_tensor_device(TensorHandle t, out int deviceIndex);
    [LibraryImport(Library)] internal static partial int pt_tensor_requires_grad(TensorHandle t);
    [LibraryImport(Library)] internal static partial int pt_tensor_set_requires_grad(TensorHandle t, int value);
    [LibraryImport(Library)] internal static partial int pt_tensor_copy_to(TensorHandle t, void* dst, long nbytes);
    [LibraryImport(Library)] internal static partial int pt_tensor_item_double(TensorHandle t, out double value);
    [LibraryImport(Library)] internal static partial int pt_tensor_item_long(TensorHandle t, out long value);
    [LibraryImport(Library)] internal static partial TensorHandle pt_tensor_to(TensorHandle t, int deviceType, int deviceIndex, int dtype, int copy);
    [LibraryImport(Library)] internal static partial TensorHandle pt_tensor_contiguous(TensorHandle t);
    [LibraryImport(Library)] internal static partial TensorHandle pt_tensor_clone(TensorHandle t);
    [LibraryImport(Library)] internal static partial TensorHandle pt_tensor_detach(TensorHandle t);
    [LibraryImport(Library)] internal static partial TensorHandle pt_tensor_alias(TensorHandle t);
    [LibraryImport(Library)] internal static partial IntPtr pt_tensor_to_string(TensorHandle t);
    [LibraryImport(Library)] internal static partial int pt_tensor_set_data(TensorHandle t, TensorHandle data);
    [LibraryImport(Library)] internal static partial int pt_tensor_copy_(TensorHandle t, TensorHandle src);
    [LibraryImport(Library)] internal static partial int pt_tensor_zero_(TensorHandle t);
    [LibraryImport(Library)] internal static partial int pt_tensor_fill_(TensorHandle t, double value);
    [LibraryImport(Library)] internal static partial int pt_tensor_add_(TensorHandle t, TensorHandle other, double alpha);
    [LibraryImport(Library)] internal static partial int pt_tensor_mul_scalar_(TensorHandle t, double value);
    [LibraryImport(Library)] internal static partial int pt_tensor_add_scalar_(TensorHandle t, double value, long ivalue, int isInt);
    [LibraryImport(Library)] internal static partial int pt_tensor_addcmul_(TensorHandle t, TensorHandle a, TensorHandle b, double value);
    [LibraryImport(Library)] internal static partial int pt_tensor_addcdiv_(TensorHandle t, TensorHandle a, TensorHandle b, double value);
    [LibraryImport(Library)] internal static partial int pt_tensor_sqrt_(TensorHandle t);
    [LibraryImport(Library)] internal static partial int pt_tensor_maximum_(TensorHandle t, TensorHandle other);
}
