using Platform.Torch.Native;

namespace Platform.Torch;

public sealed partial class Tensor
{
    /// <summary>Copies <paramref name="data"/> into a new tensor of the given shape (torch.tensor).</summary>
    public static unsafe Tensor From<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> shape, Device? device = null) where T : unmanaged
    {
        var dtype = ScalarTypeExtensions.Of<T>();
        var target = Prepare(device);
        fixed (T* p = data)
        fixed (long* s = shape)
        {
            return new Tensor(LibTorch.pt_tensor_from_data(p, (long)data.Length * sizeof(T), s, shape.Length, (int)dtype, (int)target.Type, target.Index));
        }
    }

    /// <summary>A 1-D tensor holding <paramref name="data"/>.</summary>
    public static Tensor From<T>(T[] data, Device? device = null) where T : unmanaged => From<T>(data.AsSpan(), [data.LongLength], device);

    /// <summary>A tensor of <paramref name="shape"/> holding <paramref name="data"/> in row-major order.</summary>
    public static Tensor From<T>(T[] data, ReadOnlySpan<long> shape, Device? device = null) where T : unmanaged => From<T>(data.AsSpan(), shape, device);

    /// <summary>A 0-dimensional tensor.</summary>
    public static Tensor Scalar(float value, Device? device = null) => From<float>(new[] { value }.AsSpan(), [], device);

    /// <summary>Uninitialised memory (torch.empty).</summary>
    public static unsafe Tensor Empty(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requiresGrad = false)
    {
        var d = Prepare(device);
        fixed (long* s = shape)
        {
            return new Tensor(LibTorch.pt_empty(s, shape.Length, (int)dtype, (int)d.Type, d.Index, requiresGrad ? 1 : 0));
        }
    }

    /// <summary>All zeros (torch.zeros).</summary>
    public static unsafe Tensor Zeros(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requiresGrad = false)
    {
        var d = Prepare(device);
        fixed (long* s = shape)
        {
            return new Tensor(LibTorch.pt_zeros(s, shape.Length, (int)dtype, (int)d.Type, d.Index, requiresGrad ? 1 : 0));
        }
    }

    /// <summary>All ones (torch.ones).</summary>
    public static unsafe Tensor Ones(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requiresGrad = false)
    {
        var d = Prepare(device);
        fixed (long* s = shape)
        {
            return new Tensor(LibTorch.pt_ones(s, shape.Length, (int)dtype, (int)d.Type, d.Index, requiresGrad ? 1 : 0));
        }
    }

    /// <summary>Every element equal to <paramref name="value"/> (torch.full).</summary>
    public static unsafe Tensor Full(long[] shape, double value, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requiresGrad = false)
    {
        var d = Prepare(device);
        fixed (long* s = shape)
        {
            return new Tensor(LibTorch.pt_full(s, shape.Length, value, (int)dtype, (int)d.Type, d.Index, requiresGrad ? 1 : 0));
        }
    }

    /// <summary>Values from <paramref name="start"/> up to (excluding) <paramref name="end"/> (torch.arange).</summary>
    public static Tensor Arange(double start, double end, double step = 1, ScalarType dtype = ScalarType.Int64, Device? device = null)
    {
        var d = Prepare(device);
        return new Tensor(LibTorch.pt_arange(start, end, step, (int)dtype, (int)d.Type, d.Index));
    }

    /// <summary>0, 1, …, <paramref name="end"/>-1 as int64.</summary>
    public static Tensor Arange(long end, Device? device = null) => Arange(0, end, 1, ScalarType.Int64, device);

    /// <summary>Uniform [0, 1) samples (torch.rand); <paramref name="generator"/> null uses the default generator.</summary>
    public static unsafe Tensor Rand(long[] shape, Generator? generator = null, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = Prepare(device);
        fixed (long* s = shape)
        {
            return new Tensor(LibTorch.pt_rand(s, shape.Length, Generator.HandleOf(generator), (int)dtype, (int)d.Type, d.Index));
        }
    }

    /// <summary>Standard normal samples (torch.randn).</summary>
    public static unsafe Tensor Randn(long[] shape, Generator? generator = null, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = Prepare(device);
        fixed (long* s = shape)
        {
            return new Tensor(LibTorch.pt_randn(s, shape.Length, Generator.HandleOf(generator), (int)dtype, (int)d.Type, d.Index));
        }
    }

    /// <summary>Integers uniform in [<paramref name="low"/>, <paramref name="high"/>) (torch.randint).</summary>
    public static unsafe Tensor RandInt(long low, long high, long[] shape, Generator? generator = null, ScalarType dtype = ScalarType.Int64, Device? device = null)
    {
        var d = Prepare(device);
        fixed (long* s = shape)
        {
            return new Tensor(LibTorch.pt_randint(low, high, s, shape.Length, Generator.HandleOf(generator), (int)dtype, (int)d.Type, d.Index));
        }
    }

    /// <summary>A random permutation of 0..n-1 (torch.randperm).</summary>
    public static Tensor RandPerm(long n, Generator? generator = null, Device? device = null)
    {
        var d = Prepare(device);
        return new Tensor(LibTorch.pt_randperm(n, Generator.HandleOf(generator), (int)ScalarType.Int64, (int)d.Type, d.Index));
    }

    /// <summary>Fills in place with uniform samples in [from, to) without recording autograd (nn.init.uniform_).</summary>
    public Tensor Uniform_(double from, double to, Generator? generator = null)
    {
        NativeError.Check(LibTorch.pt_uniform_(Handle, from, to, Generator.HandleOf(generator)));
        return this;
    }

    /// <summary>Fills in place with normal samples without recording autograd (nn.init.normal_).</summary>
    public Tensor Normal_(double mean = 0, double std = 1, Generator? generator = null)
    {
        NativeError.Check(LibTorch.pt_normal_(Handle, mean, std, Generator.HandleOf(generator)));
        return this;
    }

    private static Device Prepare(Device? device)
    {
        var d = device ?? Device.Cpu;
        d.EnsureAvailable();
        return d;
    }
}
