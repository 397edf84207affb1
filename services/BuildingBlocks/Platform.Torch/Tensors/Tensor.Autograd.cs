using Platform.Torch.Native;

namespace Platform.Torch;

public sealed partial class Tensor
{
    /// <summary>
    /// The accumulated gradient (torch.Tensor.grad) as a new handle to the same tensor, or null.
    /// The handle joins the current scope; the gradient itself lives on with this tensor.
    /// </summary>
    public Tensor? Grad
    {
        get
        {
            NativeError.Check(LibTorch.pt_tensor_grad(Handle, out var raw));
            return raw == IntPtr.Zero ? null : FromRaw(raw);
        }
    }

    /// <summary>Drops the accumulated gradient (grad = None).</summary>
    public void ClearGrad() => NativeError.Check(LibTorch.pt_tensor_clear_grad(Handle));

    /// <summary>Back-propagates from this tensor into the leaves' <see cref="Grad"/> (torch.Tensor.backward).</summary>
    /// <param name="gradient">Seed gradient; null for scalar outputs.</param>
    /// <param name="retainGraph">Keep the graph for another backward; null = same as <paramref name="createGraph"/>.</param>
    /// <param name="createGraph">Record the backward pass itself (for higher derivatives).</param>
    public void Backward(Tensor? gradient = null, bool? retainGraph = null, bool createGraph = false)
    {
        var retain = retainGraph is null ? -1 : retainGraph.Value ? 1 : 0;
        NativeError.Check(LibTorch.pt_backward(Handle, gradient?.Handle ?? TensorHandle.Null, retain, createGraph ? 1 : 0));
    }
}
