using Platform.Torch;
using Platform.Torch.Nn;

namespace Platform.Training.Methods.Privacy;

/// <summary>
/// DP-SGD gradients (Abadi et al. 2016) for any optimizer: per-sample gradients per layer, each sample's
/// gradient clipped to norm C, summed, Gaussian noise N(0, σ²C²) added, divided by the expected batch size,
/// and stored as the parameters' <c>.grad</c>. Layers with parameters must be Linear, Conv2d or GroupNorm
/// (BatchNorm mixes samples, so DP models use GroupNorm).
/// </summary>
public sealed class DpSgd : IDisposable
{
    private readonly DpSgdOptions options;
    private readonly List<Module> layers;
    private readonly List<IDisposable> hooks = [];
    private readonly List<(Module Layer, Tensor Input, Tensor Output)> captured = [];
    private readonly List<Tensor> parameters;
    private bool capturing;

    /// <summary>Attaches to <paramref name="model"/>; throws if it has parameters of an unsupported layer.</summary>
    public DpSgd(Module model, DpSgdOptions options)
    {
        if (options.MaxGradNorm <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), $"maxGradNorm must be positive (got {options.MaxGradNorm})");
        if (options.NoiseMultiplier < 0)
            throw new ArgumentOutOfRangeException(nameof(options), $"noiseMultiplier must be ≥ 0 (got {options.NoiseMultiplier})");
        this.options = options;
        var modules = model.NamedModules().ToList();
        var unsupported = modules
            .Where(m => !PerSampleGradients.Supports(m.Module) && m.Module.NamedParameters(recurse: false).Any())
            .Select(m => $"{(m.Name == "" ? "(root)" : m.Name)}: {m.Module.GetType().Name}")
            .ToList();
        if (unsupported.Count > 0)
            throw new NotSupportedException(
                "DP-SGD needs per-sample gradients, available for Linear, Conv2d (groups=1) and GroupNorm; " +
                $"these layers have parameters too: {string.Join(", ", unsupported)}. Build the model with norm=group.");
        layers = modules.Select(m => m.Module).Where(PerSampleGradients.Supports).ToList();
        parameters = layers.SelectMany(l => l.NamedParameters(recurse: false).Select(p => p.Parameter)).ToList();
        foreach (var layer in layers)
            hooks.Add(layer.RegisterForwardHook((m, input, output) =>
            {
                if (capturing) captured.Add((m, input, output));
            }));
    }

    /// <summary>
    /// Computes the private gradient of a batch into the parameters' <c>.grad</c> and returns the per-sample
    /// losses (detached). <paramref name="expectedBatchSize"/> is q·N under Poisson sampling (the batch size is
    /// random) or the batch size itself. <paramref name="step"/> seeds this step's noise.
    /// </summary>
    public Tensor Step(Module model, Tensor images, Tensor labels, double expectedBatchSize, long step)
    {
        captured.Clear();
        capturing = true;
        Tensor logits;
        try
        {
            logits = model.Forward(images);
        }
        finally
        {
            capturing = false;
        }
        var losses = Functional.CrossEntropy(logits, labels, Reduction.None);
        var backprops = Autograd.Grad([losses.Sum()], captured.Select(c => c.Output).ToList());
        var perSample = new List<(Tensor Parameter, Tensor Gradient)>();
        for (var i = 0; i < captured.Count; i++)
            perSample.AddRange(PerSampleGradients.Of(captured[i].Layer, captured[i].Input, backprops[i]!));
        captured.Clear();

        var n = images.Shape[0];
        var squaredNorms = perSample.Select(p => p.Gradient.Square().Reshape(n, -1).Sum(1)).Aggregate((a, b) => a + b);
        var scale = (options.MaxGradNorm / (squaredNorms.Sqrt() + 1e-6)).ClampMax(1.0);
        var summed = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (parameter, gradient) in perSample)
        {
            var shape = new long[gradient.Dim];
            Array.Fill(shape, 1);
            shape[0] = n;
            var clipped = (gradient * scale.Reshape(shape)).Sum(0);
            summed[parameter] = summed.TryGetValue(parameter, out var s) ? s + clipped : clipped;
        }
        WriteGradients(p => summed.GetValueOrDefault(p), expectedBatchSize, step);
        return losses.Detach();
    }

    /// <summary>A step on an empty Poisson batch: the gradient is noise alone (the accountant counts the step).</summary>
    public void NoiseOnlyStep(double expectedBatchSize, long step) => WriteGradients(_ => null, expectedBatchSize, step);

    private void WriteGradients(Func<Tensor, Tensor?> sumOf, double expectedBatchSize, long step)
    {
        using var noise = new Generator(unchecked(options.Seed * 1_000_003UL + (ulong)step));
        var std = options.NoiseMultiplier * options.MaxGradNorm;
        foreach (var p in parameters)
        {
            var sum = sumOf(p) ?? Tensor.Zeros(p.Shape, p.DType, p.Device);
            var g = ((sum + Tensor.Randn(p.Shape, noise, p.DType, p.Device) * std) / expectedBatchSize).Detach();
            // Platform.Torch has no grad setter: d/dp Σ(p·g) = g puts exactly g into p.grad.
            p.ClearGrad();
            (p * g).Sum().Backward();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var h in hooks)
            h.Dispose();
    }
}
