using Platform.Torch.Native;

namespace Platform.Torch;

public sealed partial class Tensor
{
    /// <summary>Sorted values and their original indices along <paramref name="dim"/> (torch.sort).</summary>
    public (Tensor Values, Tensor Indices) Sort(long dim = -1, bool descending = false)
    {
        NativeError.Check(LibTorch.pt_sort(Handle, dim, descending ? 1 : 0, out var values, out var indices));
        return (FromRaw(values), FromRaw(indices));
    }

    /// <summary>The <paramref name="k"/> largest (or smallest) values, sorted, and their indices (torch.topk).</summary>
    public (Tensor Values, Tensor Indices) TopK(long k, long dim = -1, bool largest = true)
    {
        NativeError.Check(LibTorch.pt_topk(Handle, k, dim, largest ? 1 : 0, out var values, out var indices));
        return (FromRaw(values), FromRaw(indices));
    }

    /// <summary>Running sum along <paramref name="dim"/> (torch.cumsum).</summary>
    public Tensor CumSum(long dim) => new(LibTorch.pt_cumsum(Handle, dim));

    /// <summary>Variance over <paramref name="dims"/> (all when empty); <paramref name="unbiased"/> false divides by N as BatchNorm does.</summary>
    public unsafe Tensor Var(long[] dims, bool keepDim, bool unbiased)
    {
        fixed (long* d = dims)
        {
            return new Tensor(LibTorch.pt_var_std(Handle, d, dims.Length, unbiased ? 1 : 0, keepDim ? 1 : 0, 0));
        }
    }

    /// <summary>Standard deviation over <paramref name="dims"/> (all when empty), biased or unbiased.</summary>
    public unsafe Tensor Std(long[] dims, bool keepDim, bool unbiased)
    {
        fixed (long* d = dims)
        {
            return new Tensor(LibTorch.pt_var_std(Handle, d, dims.Length, unbiased ? 1 : 0, keepDim ? 1 : 0, 1));
        }
    }
}
