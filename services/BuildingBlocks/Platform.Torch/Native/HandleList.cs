namespace Platform.Torch.Native;

/// <summary>
/// Holds a reference on each tensor handle passed to the shim as a raw pointer array
/// (cat, stack, autograd.grad) so none can be released mid-call.
/// </summary>
internal sealed class HandleList : IDisposable
{
    private readonly List<TensorHandle> _added = [];

    public IntPtr Add(Tensor tensor)
    {
        var handle = tensor.Handle;
        var ok = false;
        handle.DangerousAddRef(ref ok);
        _added.Add(handle);
        return handle.DangerousGetHandle();
    }

    public void Dispose()
    {
        foreach (var handle in _added)
        {
            handle.DangerousRelease();
        }
        _added.Clear();
    }
}
