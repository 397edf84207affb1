using Platform.Torch.Native;

namespace Platform.Torch;

/// <summary>A seeded CPU random generator (torch.Generator) for reproducible factories and init.</summary>
public sealed class Generator : IDisposable
{
    internal GeneratorHandle Handle { get; }

    /// <summary>Creates a generator seeded with <paramref name="seed"/>.</summary>
    public Generator(ulong seed) => Handle = NativeError.Check(LibTorch.pt_generator_new(seed));

    /// <summary>Re-seeds the generator (torch.Generator.manual_seed).</summary>
    public void ManualSeed(ulong seed) => NativeError.Check(LibTorch.pt_generator_manual_seed(Handle, seed));

    internal static GeneratorHandle HandleOf(Generator? generator) => generator?.Handle ?? GeneratorHandle.Null;

    /// <inheritdoc />
    public void Dispose() => Handle.Dispose();
}
