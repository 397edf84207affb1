namespace Platform.Torch;

/// <summary>
/// Collects the tensors created on this thread while it is the innermost scope and disposes
/// them when it ends. The GC does not see native (and GPU) memory, so per-step temporaries
/// must be released deterministically; keep results with <see cref="Tensor.MoveToOuterDisposeScope"/>
/// or <see cref="Tensor.DetachFromDisposeScope"/>.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? t_current;

    private readonly HashSet<Tensor> _tensors = new(ReferenceEqualityComparer.Instance);
    private bool _disposed;

    internal DisposeScope()
    {
        Outer = t_current;
        t_current = this;
    }

    /// <summary>The innermost open scope of this thread, if any.</summary>
    public static DisposeScope? Current => t_current;

    /// <summary>The scope that was current when this one opened.</summary>
    public DisposeScope? Outer { get; }

    /// <summary>Number of tensors this scope will dispose.</summary>
    public int Count => _tensors.Count;

    internal void Register(Tensor tensor)
    {
        _tensors.Add(tensor);
        tensor.OwningScope = this;
    }

    internal void Forget(Tensor tensor)
    {
        _tensors.Remove(tensor);
        tensor.OwningScope = null;
    }

    /// <summary>Disposes every tensor still owned and makes the outer scope current again.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var tensor in _tensors)
        {
            tensor.OwningScope = null;
            tensor.Dispose();
        }
        _tensors.Clear();
        if (ReferenceEquals(t_current, this))
        {
            t_current = Outer;
        }
    }
}
