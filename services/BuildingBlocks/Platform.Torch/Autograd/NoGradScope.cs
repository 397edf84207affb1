using Platform.Torch.Native;

namespace Platform.Torch;

/// <summary>Sets autograd's thread-local grad mode and restores the previous mode on dispose.</summary>
/// <remarks>Grad mode is per thread: dispose on the thread that created it (no await inside).</remarks>
public sealed class NoGradScope : IDisposable
{
    private readonly bool _previous;
    private bool _disposed;

    internal NoGradScope(bool enabled)
    {
        _previous = LibTorch.pt_grad_enabled() != 0;
        LibTorch.pt_set_grad_enabled(enabled ? 1 : 0);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        LibTorch.pt_set_grad_enabled(_previous ? 1 : 0);
    }
}
