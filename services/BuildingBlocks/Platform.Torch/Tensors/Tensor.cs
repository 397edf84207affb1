using Platform.Torch.Native;

namespace Platform.Torch;

/// <summary>
/// A libtorch tensor owned through a <see cref="System.Runtime.InteropServices.SafeHandle"/>. Every operation returns a new
/// tensor (sharing storage for views) that joins the current <see cref="DisposeScope"/>.
/// </summary>
public sealed partial class Tensor : IDisposable
{
    private readonly TensorHandle _handle;

    internal Tensor(TensorHandle handle)
    {
        _handle = NativeError.Check(handle);
        DisposeScope.Current?.Register(this);
    }

    internal static Tensor FromRaw(IntPtr raw)
    {
        if (raw == IntPtr.Zero)
        {
            throw NativeError.Last();
        }
        return new Tensor(new TensorHandle(raw));
    }

    internal TensorHandle Handle => _handle.IsClosed ? throw new ObjectDisposedException(nameof(Tensor), "the tensor was disposed (by its DisposeScope or explicitly)") : _handle;

    internal DisposeScope? OwningScope { get; set; }

    /// <summary>True once the native tensor has been released.</summary>
    public bool IsDisposed => _handle.IsClosed;

    /// <summary>Number of dimensions.</summary>
    public int Dim => LibTorch.pt_tensor_ndim(Handle);

    /// <summary>Sizes of each dimension (torch.Tensor.shape).</summary>
    public unsafe long[] Shape
    {
        get
        {
            var rank = LibTorch.pt_tensor_ndim(Handle);
            var shape = new long[rank];
            fixed (long* p = shape)
            {
                LibTorch.pt_tensor_shape(Handle, p, rank);
            }
            return shape;
        }
    }

    /// <summary>Size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    public long Size(int dim)
    {
        var shape = Shape;
        return shape[dim < 0 ? dim + shape.Length : dim];
    }

    /// <summary>Total number of elements.</summary>
    public long NumEl => LibTorch.pt_tensor_numel(Handle);

    /// <summary>Element type.</summary>
    public ScalarType DType => (ScalarType)LibTorch.pt_tensor_dtype(Handle);

    /// <summary>Device holding the data.</summary>
    public Device Device
    {
        get
        {
            var type = LibTorch.pt_tensor_device(Handle, out var index);
            return new Device((DeviceType)type, index);
        }
    }

    /// <summary>Whether autograd records operations on this tensor (requires_grad).</summary>
    public bool RequiresGrad
    {
        get => LibTorch.pt_tensor_requires_grad(Handle) != 0;
        set => NativeError.Check(LibTorch.pt_tensor_set_requires_grad(Handle, value ? 1 : 0));
    }

    /// <summary>Sets requires_grad and returns this tensor (torch.Tensor.requires_grad_).</summary>
    public Tensor RequiresGrad_(bool value = true)
    {
        RequiresGrad = value;
        return this;
    }

    /// <summary>True for tensors created by the user rather than by a recorded operation.</summary>
    public bool IsLeaf => LibTorch.pt_tensor_is_leaf(Handle) != 0;

    /// <summary>Keeps this tensor alive past the current scope by handing it to the outer scope (or to no scope).</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        var scope = OwningScope;
        if (scope is null)
        {
            return this;
        }
        scope.Forget(this);
        scope.Outer?.Register(this);
        return this;
    }

    /// <summary>Removes this tensor from its scope: the caller now owns it and must dispose it.</summary>
    public Tensor DetachFromDisposeScope()
    {
        OwningScope?.Forget(this);
        return this;
    }

    /// <summary>Releases the native tensor now (views and autograd graphs keep their own references).</summary>
    public void Dispose()
    {
        OwningScope?.Forget(this);
        _handle.Dispose();
    }

    /// <summary>Shape, dtype and device, followed by libtorch's printout of the values.</summary>
    public override string ToString()
    {
        if (IsDisposed)
        {
            return "Tensor(disposed)";
        }
        var header = $"Tensor[{string.Join(", ", Shape)}] {DType} {Device}";
        return NumEl <= 1000 ? header + Environment.NewLine + NativeError.TakeString(LibTorch.pt_tensor_to_string(Handle)) : header;
    }
}
