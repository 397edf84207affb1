using Platform.Torch.Native;

namespace Platform.Torch;

public sealed partial class Tensor
{
    /// <summary>Same data with a new shape (a view when possible); -1 infers one size.</summary>
    public unsafe Tensor Reshape(params long[] shape)
    {
        fixed (long* s = shape)
        {
            return new Tensor(LibTorch.pt_reshape(Handle, s, shape.Length));
        }
    }

    /// <summary>A view with a new shape; fails on non-contiguous layouts like torch.Tensor.view.</summary>
    public unsafe Tensor View(params long[] shape)
    {
        fixed (long* s = shape)
        {
            return new Tensor(LibTorch.pt_view(Handle, s, shape.Length));
        }
    }

    /// <summary>Broadcast view to <paramref name="shape"/> (-1 keeps a size).</summary>
    public unsafe Tensor Expand(params long[] shape)
    {
        fixed (long* s = shape)
        {
            return new Tensor(LibTorch.pt_expand(Handle, s, shape.Length));
        }
    }

    /// <summary>Tiles the tensor (torch.Tensor.repeat).</summary>
    public unsafe Tensor Repeat(params long[] repeats)
    {
        fixed (long* s = repeats)
        {
            return new Tensor(LibTorch.pt_repeat(Handle, s, repeats.Length));
        }
    }

    /// <summary>Reorders dimensions.</summary>
    public unsafe Tensor Permute(params long[] order)
    {
        fixed (long* s = order)
        {
            return new Tensor(LibTorch.pt_permute(Handle, s, order.Length));
        }
    }

    /// <summary>Swaps two dimensions.</summary>
    public Tensor Transpose(long dim0, long dim1) => new(LibTorch.pt_transpose(Handle, dim0, dim1));

    /// <summary>Transpose of a 2-D tensor.</summary>
    public Tensor T => Transpose(0, 1);

    /// <summary>Drops every size-1 dimension.</summary>
    public Tensor Squeeze() => new(LibTorch.pt_squeeze(Handle, 0, 0));

    /// <summary>Drops dimension <paramref name="dim"/> if it has size 1.</summary>
    public Tensor Squeeze(long dim) => new(LibTorch.pt_squeeze(Handle, dim, 1));

    /// <summary>Inserts a size-1 dimension.</summary>
    public Tensor Unsqueeze(long dim) => new(LibTorch.pt_unsqueeze(Handle, dim));

    /// <summary>Merges dimensions <paramref name="startDim"/>..<paramref name="endDim"/>.</summary>
    public Tensor Flatten(long startDim = 0, long endDim = -1) => new(LibTorch.pt_flatten(Handle, startDim, endDim));

    /// <summary>View of <paramref name="length"/> entries from <paramref name="start"/> along <paramref name="dim"/>.</summary>
    public Tensor Narrow(long dim, long start, long length) => new(LibTorch.pt_narrow(Handle, dim, start, length));

    /// <summary>View at <paramref name="index"/> along <paramref name="dim"/>, removing that dimension.</summary>
    public Tensor Select(long dim, long index) => new(LibTorch.pt_select(Handle, dim, index));

    /// <summary>View of start:end:step along <paramref name="dim"/> (Python slicing; end clamps).</summary>
    public Tensor Slice(long dim, long start, long end, long step = 1) => new(LibTorch.pt_slice(Handle, dim, start, end, step));

    /// <summary>x[i] — the i-th entry along the first dimension.</summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public Tensor this[long index] => Select(0, index);

    /// <summary>x[index] with an int64 index tensor or a bool mask.</summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public Tensor this[Tensor index] => Index(index);

    /// <summary>Advanced indexing x[index] (int64 indices or bool mask over the leading dims).</summary>
    public Tensor Index(Tensor index) => new(LibTorch.pt_index(Handle, index.Handle));

    /// <summary>Entries at <paramref name="index"/> along <paramref name="dim"/> (torch.index_select).</summary>
    public Tensor IndexSelect(long dim, Tensor index) => new(LibTorch.pt_index_select(Handle, dim, index.Handle));

    /// <summary>Copy with <paramref name="value"/> where <paramref name="mask"/> holds.</summary>
    public Tensor MaskedFill(Tensor mask, double value) => new(LibTorch.pt_masked_fill(Handle, mask.Handle, value));

    /// <summary>out[i][j] = x[i][index[i][j]] for dim 1 (torch.gather).</summary>
    public Tensor Gather(long dim, Tensor index) => new(LibTorch.pt_gather(Handle, dim, index.Handle));

    /// <summary>Copy with <paramref name="source"/> written at <paramref name="index"/> along <paramref name="dim"/> (torch.scatter).</summary>
    public Tensor Scatter(long dim, Tensor index, Tensor source) => new(LibTorch.pt_scatter(Handle, dim, index.Handle, source.Handle, 0));

    /// <summary>Copy with <paramref name="source"/> added at <paramref name="index"/> along <paramref name="dim"/> (torch.scatter_add).</summary>
    public Tensor ScatterAdd(long dim, Tensor index, Tensor source) => new(LibTorch.pt_scatter(Handle, dim, index.Handle, source.Handle, 1));

    /// <summary>One-hot int64 encoding of an int64 tensor (F.one_hot).</summary>
    public Tensor OneHot(long numClasses = -1) => new(LibTorch.pt_one_hot(Handle, numClasses));

    /// <summary>Concatenates along an existing dimension (torch.cat).</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(tensors, dim, stack: false);

    /// <summary>Stacks along a new dimension (torch.stack).</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(tensors, dim, stack: true);

    private static unsafe Tensor Join(IReadOnlyList<Tensor> tensors, long dim, bool stack)
    {
        using var pinned = new HandleList();
        var items = stackalloc IntPtr[tensors.Count];
        for (var i = 0; i < tensors.Count; i++)
        {
            items[i] = pinned.Add(tensors[i]);
        }
        return new Tensor(stack ? LibTorch.pt_stack(items, tensors.Count, dim) : LibTorch.pt_cat(items, tensors.Count, dim));
    }
}
