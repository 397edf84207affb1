using Platform.Torch.Native;

namespace Platform.Torch;

public sealed partial class Tensor
{
    private unsafe Tensor Reduce(ReduceOp op, ReadOnlySpan<long> dims, bool keepDim)
    {
        fixed (long* d = dims)
        {
            return new Tensor(LibTorch.pt_reduce(Handle, (int)op, d, dims.Length, keepDim ? 1 : 0));
        }
    }

    /// <summary>Sum of all elements.</summary>
    public Tensor Sum() => Reduce(ReduceOp.Sum, [], false);
    /// <summary>Sum over <paramref name="dims"/>.</summary>
    public Tensor Sum(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Sum, dims, keepDim);
    /// <summary>Sum over one dim.</summary>
    public Tensor Sum(long dim, bool keepDim = false) => Reduce(ReduceOp.Sum, [dim], keepDim);
    /// <summary>Mean of all elements.</summary>
    public Tensor Mean() => Reduce(ReduceOp.Mean, [], false);
    /// <summary>Mean over <paramref name="dims"/>.</summary>
    public Tensor Mean(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Mean, dims, keepDim);
    /// <summary>Mean over one dim.</summary>
    public Tensor Mean(long dim, bool keepDim = false) => Reduce(ReduceOp.Mean, [dim], keepDim);
    /// <summary>Product of all elements.</summary>
    public Tensor Prod() => Reduce(ReduceOp.Prod, [], false);
    /// <summary>Largest element.</summary>
    public Tensor Max() => Reduce(ReduceOp.Max, [], false);
    /// <summary>Smallest element.</summary>
    public Tensor Min() => Reduce(ReduceOp.Min, [], false);
    /// <summary>Largest values over <paramref name="dims"/> (torch.amax).</summary>
    public Tensor Amax(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Max, dims, keepDim);
    /// <summary>Smallest values over <paramref name="dims"/> (torch.amin).</summary>
    public Tensor Amin(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Min, dims, keepDim);
    /// <summary>Index of the largest element of the flattened tensor.</summary>
    public Tensor ArgMax() => Reduce(ReduceOp.ArgMax, [], false);
    /// <summary>Indices of the largest elements along <paramref name="dim"/>.</summary>
    public Tensor ArgMax(long dim, bool keepDim = false) => Reduce(ReduceOp.ArgMax, [dim], keepDim);
    /// <summary>Index of the smallest element of the flattened tensor.</summary>
    public Tensor ArgMin() => Reduce(ReduceOp.ArgMin, [], false);
    /// <summary>Indices of the smallest elements along <paramref name="dim"/>.</summary>
    public Tensor ArgMin(long dim, bool keepDim = false) => Reduce(ReduceOp.ArgMin, [dim], keepDim);
    /// <summary>Unbiased standard deviation of all elements.</summary>
    public Tensor Std() => Reduce(ReduceOp.Std, [], false);
    /// <summary>Unbiased standard deviation over <paramref name="dims"/>.</summary>
    public Tensor Std(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Std, dims, keepDim);
    /// <summary>Unbiased variance of all elements.</summary>
    public Tensor Var() => Reduce(ReduceOp.Var, [], false);
    /// <summary>Unbiased variance over <paramref name="dims"/>.</summary>
    public Tensor Var(long[] dims, bool keepDim = false) => Reduce(ReduceOp.Var, dims, keepDim);
    /// <summary>log Σ exp over <paramref name="dims"/>.</summary>
    public Tensor LogSumExp(long[] dims, bool keepDim = false) => Reduce(ReduceOp.LogSumExp, dims, keepDim);
    /// <summary>True when every element is non-zero.</summary>
    public Tensor All() => Reduce(ReduceOp.All, [], false);
    /// <summary>True when any element is non-zero.</summary>
    public Tensor Any() => Reduce(ReduceOp.Any, [], false);

    /// <summary>Maximum values and their indices along <paramref name="dim"/> (torch.max(x, dim)).</summary>
    public (Tensor Values, Tensor Indices) Max(long dim, bool keepDim = false) => MaxMin(isMax: true, dim, keepDim);

    /// <summary>Minimum values and their indices along <paramref name="dim"/> (torch.min(x, dim)).</summary>
    public (Tensor Values, Tensor Indices) Min(long dim, bool keepDim = false) => MaxMin(isMax: false, dim, keepDim);

    private (Tensor, Tensor) MaxMin(bool isMax, long dim, bool keepDim)
    {
        NativeError.Check(LibTorch.pt_max_min_dim(Handle, isMax ? 1 : 0, dim, keepDim ? 1 : 0, out var values, out var indices));
        return (FromRaw(values), FromRaw(indices));
    }

    /// <summary>p-norm of all elements (torch.norm).</summary>
    public unsafe Tensor Norm(double p = 2) => new(LibTorch.pt_norm(Handle, p, null, 0, 0));

    /// <summary>p-norm over <paramref name="dims"/>.</summary>
    public unsafe Tensor Norm(double p, long[] dims, bool keepDim = false)
    {
        fixed (long* d = dims)
        {
            return new Tensor(LibTorch.pt_norm(Handle, p, d, dims.Length, keepDim ? 1 : 0));
        }
    }

    /// <summary>|a − b| ≤ atol + rtol·|b| everywhere (torch.allclose).</summary>
    public bool AllClose(Tensor other, double rtol = 1e-5, double atol = 1e-8)
    {
        NativeError.Check(LibTorch.pt_allclose(Handle, other.Handle, rtol, atol, out var result));
        return result != 0;
    }
}
