using Platform.Torch.Native;

namespace Platform.Torch;

/// <summary>torch.autograd functions.</summary>
public static class Autograd
{
    /// <summary>
    /// Gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>
    /// (torch.autograd.grad). With <paramref name="createGraph"/> the result is itself
    /// differentiable, which gives double backward (Hessian-vector products).
    /// </summary>
    /// <param name="outputs">Differentiated tensors.</param>
    /// <param name="inputs">Tensors to differentiate with respect to.</param>
    /// <param name="gradOutputs">One seed per output (null entries, or null for all, for scalar outputs).</param>
    /// <param name="createGraph">Record the gradient computation.</param>
    /// <param name="retainGraph">Keep the graph; null = same as <paramref name="createGraph"/>.</param>
    /// <param name="allowUnused">Return null for inputs the outputs do not depend on instead of failing.</param>
    public static unsafe Tensor?[] Grad(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? gradOutputs = null,
        bool createGraph = false, bool? retainGraph = null, bool allowUnused = false)
    {
        if (gradOutputs is not null && gradOutputs.Count != outputs.Count)
        {
            throw new ArgumentException($"{gradOutputs.Count} grad outputs given for {outputs.Count} outputs", nameof(gradOutputs));
        }
        using var pinned = new HandleList();
        var outs = stackalloc IntPtr[outputs.Count];
        var ins = stackalloc IntPtr[inputs.Count];
        var seeds = stackalloc IntPtr[outputs.Count];
        var result = stackalloc IntPtr[inputs.Count];
        for (var i = 0; i < outputs.Count; i++)
        {
            outs[i] = pinned.Add(outputs[i]);
            seeds[i] = gradOutputs?[i] is { } g ? pinned.Add(g) : IntPtr.Zero;
        }
        for (var i = 0; i < inputs.Count; i++)
        {
            ins[i] = pinned.Add(inputs[i]);
        }
        var retain = retainGraph is null ? -1 : retainGraph.Value ? 1 : 0;
        NativeError.Check(LibTorch.pt_autograd_grad(outs, outputs.Count, ins, inputs.Count, gradOutputs is null ? null : seeds,
            retain, createGraph ? 1 : 0, allowUnused ? 1 : 0, result));
        var grads = new Tensor?[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            grads[i] = result[i] == IntPtr.Zero ? null : Tensor.FromRaw(result[i]);
        }
        return grads;
    }

    /// <summary>Gradient of a single output with respect to a single input.</summary>
    public static Tensor Grad(Tensor output, Tensor input, Tensor? gradOutput = null, bool createGraph = false, bool? retainGraph = null) =>
        Grad([output], [input], gradOutput is null ? null : [gradOutput], createGraph, retainGraph)[0]!;
}
