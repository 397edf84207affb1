namespace Platform.Torch.Optim;

/// <summary>
/// Base of optimizers (torch.optim.Optimizer) over one parameter group. <see cref="Step"/>
/// runs without autograd and inside its own dispose scope. Per-parameter state (momentum
/// buffers, moments, step counts) belongs to the optimizer and round-trips through
/// <see cref="StateDict"/> / <see cref="LoadStateDict"/> for checkpoints.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private readonly Dictionary<string, Tensor> _state = new(StringComparer.Ordinal);
    private readonly long[] _parameterSteps;

    /// <summary>Creates the optimizer over <paramref name="parameters"/> with learning rate <paramref name="learningRate"/>.</summary>
    protected Optimizer(IEnumerable<Tensor> parameters, double learningRate)
    {
        Parameters = parameters.ToList();
        if (Parameters.Count == 0)
        {
            throw new ArgumentException("optimizer got an empty parameter list", nameof(parameters));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        LearningRate = learningRate;
        InitialLearningRate = learningRate;
        _parameterSteps = new long[Parameters.Count];
    }

    /// <summary>The optimized tensors.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>Current learning rate (schedulers change it).</summary>
    public double LearningRate { get; set; }

    /// <summary>The learning rate given at construction (initial_lr).</summary>
    public double InitialLearningRate { get; }

    /// <summary>Drops the parameters' gradients (zero_grad(set_to_none=True)).</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters)
        {
            p.ClearGrad();
        }
    }

    /// <summary>Updates every parameter that has a gradient.</summary>
    public void Step()
    {
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (Parameters[i].Grad is { } grad)
            {
                Update(i, Parameters[i], grad);
            }
        }
    }

    /// <summary>Applies the update rule to parameter <paramref name="index"/>.</summary>
    protected abstract void Update(int index, Tensor parameter, Tensor grad);

    /// <summary>The state tensor <paramref name="name"/> of parameter <paramref name="index"/>, created by <paramref name="create"/> on first use.</summary>
    protected Tensor State(int index, string name, Func<Tensor> create)
    {
        var key = $"{index}.{name}";
        if (!_state.TryGetValue(key, out var tensor))
        {
            tensor = create().DetachFromDisposeScope();
            _state[key] = tensor;
        }
        return tensor;
    }

    /// <summary>True when parameter <paramref name="index"/> already has state <paramref name="name"/>.</summary>
    protected bool HasState(int index, string name) => _state.ContainsKey($"{index}.{name}");

    /// <summary>Counts one more update of parameter <paramref name="index"/> and returns the new count (Adam's bias correction).</summary>
    protected long IncrementStep(int index) => ++_parameterSteps[index];

    /// <summary>
    /// The optimizer state as named tensors ("0.exp_avg", "0.step", …; indices follow
    /// <see cref="Parameters"/>): detached tensors sharing storage, joining the current scope.
    /// Save it with safetensors next to the model's state dict.
    /// </summary>
    public Dictionary<string, Tensor> StateDict()
    {
        var state = _state.ToDictionary(kv => kv.Key, kv => kv.Value.Detach(), StringComparer.Ordinal);
        for (var i = 0; i < _parameterSteps.Length; i++)
        {
            if (_parameterSteps[i] > 0)
            {
                state[$"{i}.step"] = Tensor.From(new[] { _parameterSteps[i] }, ReadOnlySpan<long>.Empty);
            }
        }
        return state;
    }

    /// <summary>Restores state saved by <see cref="StateDict"/> from an optimizer of the same kind over the same parameters.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        foreach (var (key, value) in state)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || !int.TryParse(key.AsSpan(0, dot), System.Globalization.CultureInfo.InvariantCulture, out var index) || index >= Parameters.Count)
            {
                throw new ArgumentException($"optimizer state key '{key}' does not name one of the {Parameters.Count} parameters", nameof(state));
            }
            var parameter = Parameters[index];
            if (key[(dot + 1)..] == "step")
            {
                _parameterSteps[index] = value.Item<long>();
                continue;
            }
            if (!value.Shape.SequenceEqual(parameter.Shape))
            {
                throw new ArgumentException($"optimizer state '{key}' has shape [{string.Join(", ", value.Shape)}] but parameter {index} has [{string.Join(", ", parameter.Shape)}]", nameof(state));
            }
            if (_state.Remove(key, out var old))
            {
                old.Dispose();
            }
            using var noGrad = Torch.NoGrad();
            _state[key] = value.To(parameter.Device, parameter.DType, copy: true).DetachFromDisposeScope();
        }
    }

    /// <summary>Releases the optimizer state.</summary>
    public void Dispose()
    {
        foreach (var t in _state.Values)
        {
            t.Dispose();
        }
        _state.Clear();
        GC.SuppressFinalize(this);
    }
}
