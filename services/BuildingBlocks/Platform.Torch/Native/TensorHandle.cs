using System.Runtime.InteropServices;

namespace Platform.Torch.Native;

/// <summary>Owns one heap-allocated <c>at::Tensor</c> of the shim; releasing it drops that reference.</summary>
internal sealed class TensorHandle : SafeHandle
{
    public TensorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    internal TensorHandle(IntPtr existing) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(existing);

    /// <summary>A never-owned null handle passed for optional tensor arguments (bias = None).</summary>
    internal static TensorHandle Null { get; } = new();

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LibTorch.pt_tensor_free(handle);
        return true;
    }
}
