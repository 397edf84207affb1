using System.Runtime.InteropServices;

namespace Platform.Torch.Native;

internal static unsafe partial class LibTorch
{
    [LibraryImport(Library)] internal static partial TensorHandle pt_linear(TensorHandle input, TensorHandle weight, TensorHandle bias);
    [LibraryImport(Library)] internal static partial TensorHandle pt_conv2d(TensorHandle input, TensorHandle weight, TensorHandle bias, long* stride, long* padding, long* dilation, long groups);
    [LibraryImport(Library)] internal static partial TensorHandle pt_batch_norm(TensorHandle input, TensorHandle weight, TensorHandle bias, TensorHandle runningMean, TensorHandle runningVar, int training, double momentum, double eps);
    [LibraryImport(Library)] internal static partial TensorHandle pt_group_norm(TensorHandle input, long numGroups, TensorHandle weight, TensorHandle bias, double eps);
    [LibraryImport(Library)] internal static partial TensorHandle pt_gelu(TensorHandle input, int tanhApproximation);
    [LibraryImport(Library)] internal static partial TensorHandle pt_max_pool2d(TensorHandle input, long* kernel, long* stride, long* padding, long* dilation, int ceilMode);
    [LibraryImport(Library)] internal static partial TensorHandle pt_avg_pool2d(TensorHandle input, long* kernel, long* stride, long* padding, int ceilMode, int countIncludePad);
    [LibraryImport(Library)] internal static partial TensorHandle pt_adaptive_avg_pool2d(TensorHandle input, long* outputSize);
    [LibraryImport(Library)] internal static partial TensorHandle pt_dropout(TensorHandle input, double p, int training);
    [LibraryImport(Library)] internal static partial TensorHandle pt_softmax(TensorHandle input, long dim, int log);
    [LibraryImport(Library)] internal static partial TensorHandle pt_cross_entropy(TensorHandle input, TensorHandle target, TensorHandle weight, int reduction, long ignoreIndex, double labelSmoothing);
    [LibraryImport(Library)] internal static partial TensorHandle pt_nll_loss(TensorHandle input, TensorHandle target, TensorHandle weight, int reduction, long ignoreIndex);
    [LibraryImport(Library)] internal static partial TensorHandle pt_kl_div(TensorHandle input, TensorHandle target, int reduction, int logTarget);
    [LibraryImport(Library)] internal static partial TensorHandle pt_mse_loss(TensorHandle input, TensorHandle target, int reduction);
}
