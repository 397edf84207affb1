using System.Runtime.InteropServices;

namespace Platform.Torch.Native;

/// <summary>Owns one <c>torch::jit::Module</c> loaded by the shim.</summary>
internal sealed class ScriptModuleHandle : SafeHandle
{
    public ScriptModuleHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LibTorch.pt_jit_free(handle);
        return true;
    }
}
