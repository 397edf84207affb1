using Platform.Torch.Native;

namespace Platform.Torch.Jit;

/// <summary>
/// A TorchScript module loaded with torch::jit::load (a user's own PyTorch model saved by
/// torch.jit.save): forward, parameters, train/eval and device moves. Autograd flows through
/// forward, so input gradients and Hessian-vector products work as for native layers.
/// </summary>
public sealed class ScriptModule : IDisposable
{
    private readonly ScriptModuleHandle _handle;

    private ScriptModule(ScriptModuleHandle handle) => _handle = handle;

    /// <summary>Loads a file written by torch.jit.save onto <paramref name="device"/> (default cpu).</summary>
    public static ScriptModule Load(string path, Device? device = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"TorchScript file '{path}' does not exist", path);
        }
        var d = device ?? Device.Cpu;
        d.EnsureAvailable();
        return new ScriptModule(NativeError.Check(LibTorch.pt_jit_load(path, (int)d.Type, d.Index)));
    }

    /// <summary>Calls forward with the given tensors; the result must be a single tensor.</summary>
    public unsafe Tensor Forward(params Tensor[] inputs)
    {
        using var pinned = new HandleList();
        var items = stackalloc IntPtr[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            items[i] = pinned.Add(inputs[i]);
        }
        return new Tensor(LibTorch.pt_jit_forward(_handle, items, inputs.Length));
    }

    /// <summary>Sets training mode (affects dropout/batch norm inside the script).</summary>
    public ScriptModule Train(bool on = true)
    {
        NativeError.Check(LibTorch.pt_jit_train(_handle, on ? 1 : 0));
        return this;
    }

    /// <summary>Evaluation mode.</summary>
    public ScriptModule Eval() => Train(false);

    /// <summary>Moves parameters and buffers (and converts floating ones to <paramref name="dtype"/>).</summary>
    public ScriptModule To(Device device, ScalarType? dtype = null)
    {
        device.EnsureAvailable();
        NativeError.Check(LibTorch.pt_jit_to(_handle, (int)device.Type, device.Index, dtype is null ? -1 : (int)dtype.Value));
        return this;
    }

    /// <summary>Parameters with dotted names as in the Python model; handles join the current scope.</summary>
    public unsafe List<(string Name, Tensor Parameter)> NamedParameters()
    {
        var count = LibTorch.pt_jit_named_parameters(_handle, null, null, 0);
        NativeError.Check(count);
        var tensors = new IntPtr[count];
        var names = new IntPtr[count];
        fixed (IntPtr* t = tensors)
        fixed (IntPtr* n = names)
        {
            NativeError.Check(LibTorch.pt_jit_named_parameters(_handle, t, n, count));
        }
        var result = new List<(string, Tensor)>(count);
        for (var i = 0; i < count; i++)
        {
            result.Add((NativeError.TakeString(names[i]), Tensor.FromRaw(tensors[i])));
        }
        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
