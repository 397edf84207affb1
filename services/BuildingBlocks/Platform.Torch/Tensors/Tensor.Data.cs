using Platform.Torch.Native;

namespace Platform.Torch;

public sealed partial class Tensor
{
    /// <summary>Copies the values to a new array (from any device, in row-major order).</summary>
    public unsafe T[] ToArray<T>() where T : unmanaged
    {
        CheckElementType<T>();
        var result = new T[NumEl];
        fixed (T* p = result)
        {
            NativeError.Check(LibTorch.pt_tensor_copy_to(Handle, p, (long)result.Length * sizeof(T)));
        }
        return result;
    }

    /// <summary>Copies the values into <paramref name="destination"/>, whose length must equal <see cref="NumEl"/>.</summary>
    public unsafe void CopyTo<T>(Span<T> destination) where T : unmanaged
    {
        CheckElementType<T>();
        fixed (T* p = destination)
        {
            NativeError.Check(LibTorch.pt_tensor_copy_to(Handle, p, (long)destination.Length * sizeof(T)));
        }
    }

    /// <summary>The single value of a one-element tensor (torch.Tensor.item), converted to <typeparamref name="T"/>.</summary>
    public T Item<T>() where T : unmanaged
    {
        if (default(T) is long or int or short or byte or sbyte)
        {
            NativeError.Check(LibTorch.pt_tensor_item_long(Handle, out var l));
            return (T)Convert.ChangeType(l, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }
        NativeError.Check(LibTorch.pt_tensor_item_double(Handle, out var d));
        return default(T) switch
        {
            bool => (T)(object)(d != 0),
            Half => (T)(object)(Half)d,
            _ => (T)Convert.ChangeType(d, typeof(T), System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Moves/converts (torch.Tensor.to); returns this data unchanged when nothing differs unless <paramref name="copy"/>.</summary>
    public Tensor To(Device device, ScalarType? dtype = null, bool copy = false)
    {
        device.EnsureAvailable();
        return new Tensor(LibTorch.pt_tensor_to(Handle, (int)device.Type, device.Index, dtype is null ? -1 : (int)dtype.Value, copy ? 1 : 0));
    }

    /// <summary>Converts the element type (torch.Tensor.to(dtype)).</summary>
    public Tensor To(ScalarType dtype) => new(LibTorch.pt_tensor_to(Handle, -1, -1, (int)dtype, 0));

    /// <summary>Moves to the device named like "cpu" or "cuda:0".</summary>
    public Tensor To(string device) => To(Device.Parse(device));

    /// <summary>A contiguous tensor with the same values.</summary>
    public Tensor Contiguous() => new(LibTorch.pt_tensor_contiguous(Handle));

    /// <summary>A copy with its own storage; differentiable (torch.Tensor.clone).</summary>
    public Tensor Clone() => new(LibTorch.pt_tensor_clone(Handle));

    /// <summary>Same storage, cut from the autograd graph (torch.Tensor.detach).</summary>
    public Tensor Detach() => new(LibTorch.pt_tensor_detach(Handle));

    /// <summary>A second handle to this very tensor (same storage and autograd identity), owned separately.</summary>
    public Tensor Alias() => new(LibTorch.pt_tensor_alias(Handle));

    /// <summary>Replaces the data behind this tensor, keeping its identity (what module.to() does to parameters).</summary>
    public void SetData(Tensor data) => NativeError.Check(LibTorch.pt_tensor_set_data(Handle, data.Handle));

    /// <summary>Copies <paramref name="source"/> into this tensor without recording autograd (broadcasting, casting).</summary>
    public Tensor Copy_(Tensor source)
    {
        NativeError.Check(LibTorch.pt_tensor_copy_(Handle, source.Handle));
        return this;
    }

    /// <summary>Sets every element to zero in place.</summary>
    public Tensor Zero_()
    {
        NativeError.Check(LibTorch.pt_tensor_zero_(Handle));
        return this;
    }

    /// <summary>Sets every element to <paramref name="value"/> in place.</summary>
    public Tensor Fill_(double value)
    {
        NativeError.Check(LibTorch.pt_tensor_fill_(Handle, value));
        return this;
    }

    /// <summary>this += <paramref name="alpha"/> · <paramref name="other"/>, in place.</summary>
    public Tensor Add_(Tensor other, double alpha = 1)
    {
        NativeError.Check(LibTorch.pt_tensor_add_(Handle, other.Handle, alpha));
        return this;
    }

    /// <summary>this += <paramref name="value"/>, in place.</summary>
    public Tensor Add_(double value)
    {
        NativeError.Check(LibTorch.pt_tensor_add_scalar_(Handle, value, 0, 0));
        return this;
    }

    /// <summary>this += <paramref name="value"/> as an integer scalar (integer tensors stay integer), in place.</summary>
    public Tensor Add_(long value)
    {
        NativeError.Check(LibTorch.pt_tensor_add_scalar_(Handle, 0, value, 1));
        return this;
    }

    /// <summary>this *= <paramref name="value"/>, in place.</summary>
    public Tensor Mul_(double value)
    {
        NativeError.Check(LibTorch.pt_tensor_mul_scalar_(Handle, value));
        return this;
    }

    /// <summary>this += <paramref name="value"/> · a · b, in place.</summary>
    public Tensor Addcmul_(Tensor a, Tensor b, double value = 1)
    {
        NativeError.Check(LibTorch.pt_tensor_addcmul_(Handle, a.Handle, b.Handle, value));
        return this;
    }

    /// <summary>this += <paramref name="value"/> · a / b, in place.</summary>
    public Tensor Addcdiv_(Tensor a, Tensor b, double value = 1)
    {
        NativeError.Check(LibTorch.pt_tensor_addcdiv_(Handle, a.Handle, b.Handle, value));
        return this;
    }

    /// <summary>Square root in place.</summary>
    public Tensor Sqrt_()
    {
        NativeError.Check(LibTorch.pt_tensor_sqrt_(Handle));
        return this;
    }

    /// <summary>this = max(this, other), elementwise in place.</summary>
    public Tensor Maximum_(Tensor other)
    {
        NativeError.Check(LibTorch.pt_tensor_maximum_(Handle, other.Handle));
        return this;
    }

    /// <summary>Creates a tensor of <paramref name="dtype"/> from raw little-endian bytes (any dtype, e.g. bfloat16).</summary>
    public static unsafe Tensor FromBytes(ReadOnlySpan<byte> bytes, ReadOnlySpan<long> shape, ScalarType dtype, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        d.EnsureAvailable();
        fixed (byte* p = bytes)
        fixed (long* s = shape)
        {
            return new Tensor(LibTorch.pt_tensor_from_data(p, bytes.Length, s, shape.Length, (int)dtype, (int)d.Type, d.Index));
        }
    }

    /// <summary>Copies the raw bytes of the values (row-major, host byte order) into <paramref name="destination"/>.</summary>
    public unsafe void CopyBytesTo(Span<byte> destination)
    {
        fixed (byte* p = destination)
        {
            NativeError.Check(LibTorch.pt_tensor_copy_to(Handle, p, destination.Length));
        }
    }

    private void CheckElementType<T>() where T : unmanaged
    {
        var wanted = ScalarTypeExtensions.Of<T>();
        var actual = DType;
        if (wanted != actual)
        {
            throw new InvalidOperationException($"tensor holds {actual} but {typeof(T).Name} ({wanted}) was requested; convert first with To(ScalarType.{wanted})");
        }
    }
}
