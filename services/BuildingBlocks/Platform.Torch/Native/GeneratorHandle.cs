using System.Runtime.InteropServices;

namespace Platform.Torch.Native;

/// <summary>Owns one <c>at::Generator</c> (a CPU Philox/MT generator) of the shim.</summary>
internal sealed class GeneratorHandle : SafeHandle
{
    public GeneratorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    /// <summary>A never-owned null handle meaning "the default generator".</summary>
    internal static GeneratorHandle Null { get; } = new();

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LibTorch.pt_generator_free(handle);
        return true;
    }
}
