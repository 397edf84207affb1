namespace Platform.Torch.Nn;

/// <summary>
/// Base of every layer (torch.nn.Module): named parameters, buffers and children in
/// registration order, train/eval, device/dtype moves, state dicts and forward hooks.
/// Parameters and buffers belong to the module (never to a <see cref="DisposeScope"/>).
/// </summary>
public abstract partial class Module : IDisposable
{
    private readonly OrderedDictionary<string, Tensor?> _parameters = new();
    private readonly OrderedDictionary<string, Tensor?> _buffers = new();
    private readonly OrderedDictionary<string, Module> _children = new();
    private readonly List<ForwardHook> _forwardHooks = [];
    private bool _disposed;

    /// <summary>True in training mode (dropout active, batch norm uses batch statistics).</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Runs the layer and then its forward hooks (module(x) in PyTorch).</summary>
    public Tensor Forward(Tensor input)
    {
        var output = ForwardCore(input);
        if (_forwardHooks.Count > 0)
        {
            // A copy, so a hook may remove itself while running.
            foreach (var hook in _forwardHooks.ToArray())
            {
                hook.Callback(this, input, output);
            }
        }
        return output;
    }

    /// <summary>The layer's computation.</summary>
    protected abstract Tensor ForwardCore(Tensor input);

    /// <summary>
    /// Calls <paramref name="hook"/> with (module, input, output) after every forward
    /// (register_forward_hook). Dispose the returned handle to remove it.
    /// </summary>
    public IDisposable RegisterForwardHook(Action<Module, Tensor, Tensor> hook)
    {
        var entry = new ForwardHook(hook, _forwardHooks);
        _forwardHooks.Add(entry);
        return entry;
    }

    /// <summary>Registers (or replaces) a parameter; it gets requires_grad and leaves any dispose scope.</summary>
    protected Tensor? RegisterParameter(string name, Tensor? parameter)
    {
        if (parameter is not null)
        {
            parameter.DetachFromDisposeScope();
            parameter.RequiresGrad = true;
        }
        _parameters[name] = parameter;
        return parameter;
    }

    /// <summary>Registers (or replaces) a buffer: state saved in the state dict but not trained.</summary>
    protected Tensor? RegisterBuffer(string name, Tensor? buffer)
    {
        buffer?.DetachFromDisposeScope();
        _buffers[name] = buffer;
        return buffer;
    }

    /// <summary>Registers a child module under <paramref name="name"/>.</summary>
    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        _children[name] = module;
        return module;
    }

    /// <summary>Direct children in registration order.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren() => _children.Select(kv => (kv.Key, kv.Value));

    /// <summary>This module and all descendants with dotted names ("" for this one).</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules(string prefix = "")
    {
        yield return (prefix, this);
        foreach (var (name, child) in _children)
        {
            foreach (var item in child.NamedModules(Join(prefix, name)))
            {
                yield return item;
            }
        }
    }

    /// <summary>Parameters with dotted names ("0.weight"), recursively, in registration order.</summary>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters(bool recurse = true) => Named(_parameters, m => m._parameters, recurse);

    /// <summary>All parameters (for optimizers).</summary>
    public IEnumerable<Tensor> Parameters(bool recurse = true) => NamedParameters(recurse).Select(p => p.Parameter);

    /// <summary>Buffers with dotted names ("1.running_mean"), recursively.</summary>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers(bool recurse = true) => Named(_buffers, m => m._buffers, recurse);

    private IEnumerable<(string, Tensor)> Named(OrderedDictionary<string, Tensor?> own, Func<Module, OrderedDictionary<string, Tensor?>> select, bool recurse)
    {
        var modules = recurse ? NamedModules() : [("", this)];
        foreach (var (prefix, module) in modules)
        {
            foreach (var (name, tensor) in select(module))
            {
                if (tensor is not null)
                {
                    yield return (Join(prefix, name), tensor);
                }
            }
        }
    }

    /// <summary>Sets training mode on this module and its descendants.</summary>
    public Module Train(bool on = true)
    {
        foreach (var (_, module) in NamedModules())
        {
            module.Training = on;
        }
        return this;
    }

    /// <summary>Evaluation mode (Train(false)).</summary>
    public Module Eval() => Train(false);

    /// <summary>Drops every parameter's gradient (zero_grad(set_to_none=True)).</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters())
        {
            p.ClearGrad();
        }
    }

    internal static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    /// <summary>Releases every parameter and buffer of this module and its descendants.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var t in _parameters.Values.Concat(_buffers.Values))
        {
            t?.Dispose();
        }
        foreach (var child in _children.Values)
        {
            child.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}
