using Platform.Torch.Native;

namespace Platform.Torch;

/// <summary>torch.linalg functions.</summary>
public static class Linalg
{
    /// <summary>
    /// Singular value decomposition A = U diag(S) Vh (torch.linalg.svd), batched over leading
    /// dims; singular values descend. <paramref name="fullMatrices"/> false gives the reduced form.
    /// </summary>
    public static (Tensor U, Tensor S, Tensor Vh) Svd(Tensor a, bool fullMatrices = false)
    {
        NativeError.Check(LibTorch.pt_svd(a.Handle, fullMatrices ? 1 : 0, out var u, out var s, out var vh));
        return (Tensor.FromRaw(u), Tensor.FromRaw(s), Tensor.FromRaw(vh));
    }
}
