namespace Platform.Torch.Nn;

public abstract partial class Module
{
    /// <summary>
    /// Parameters then buffers of every module by dotted name, like PyTorch's state_dict:
    /// detached tensors sharing storage with the module (they join the current scope).
    /// </summary>
    public Dictionary<string, Tensor> StateDict()
    {
        var state = new Dictionary<string, Tensor>();
        foreach (var (prefix, module) in NamedModules())
        {
            foreach (var (name, t) in module._parameters.Concat(module._buffers))
            {
                if (t is not null)
                {
                    state[Join(prefix, name)] = t.Detach();
                }
            }
        }
        return state;
    }

    /// <summary>
    /// Copies values into the existing parameters and buffers (identity kept, so optimizers
    /// stay valid). With <paramref name="strict"/>, missing or unexpected keys are errors.
    /// </summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        var own = NamedParameters().Concat(NamedBuffers()).ToDictionary(p => p.Item1, p => p.Item2);
        if (strict)
        {
            var missing = own.Keys.Where(k => !state.ContainsKey(k)).ToList();
            var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
            {
                throw new ArgumentException($"state dict does not match {GetType().Name}: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]", nameof(state));
            }
        }
        using var noGrad = Torch.NoGrad();
        foreach (var (name, target) in own)
        {
            if (!state.TryGetValue(name, out var source))
            {
                continue;
            }
            if (!source.Shape.SequenceEqual(target.Shape))
            {
                throw new ArgumentException($"'{name}' has shape [{string.Join(", ", source.Shape)}] in the state dict but [{string.Join(", ", target.Shape)}] in the module", nameof(state));
            }
            target.Copy_(source);
        }
    }

    /// <summary>
    /// Moves parameters, gradients and buffers to <paramref name="device"/> and converts the
    /// floating-point ones to <paramref name="dtype"/> in place (module.to(device, dtype)).
    /// </summary>
    public Module To(Device device, ScalarType? dtype = null)
    {
        device.EnsureAvailable();
        using var scope = Torch.NewDisposeScope();
        foreach (var t in Parameters().Concat(NamedBuffers().Select(b => b.Buffer)))
        {
            var target = dtype is { } d && t.DType.IsFloatingPoint() ? d : t.DType;
            t.SetData(t.Detach().To(device, target));
            if (t.Grad is { } g)
            {
                g.SetData(g.Detach().To(device, target));
            }
        }
        return this;
    }

    /// <summary>Converts floating-point parameters and buffers to <paramref name="dtype"/> on their device.</summary>
    public Module To(ScalarType dtype)
    {
        var first = Parameters().FirstOrDefault() ?? NamedBuffers().Select(b => b.Buffer).FirstOrDefault();
        return To(first?.Device ?? Device.Cpu, dtype);
    }
}
