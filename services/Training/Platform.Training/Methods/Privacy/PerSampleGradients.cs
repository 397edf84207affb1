using Platform.Torch;
using Platform.Torch.Nn;

namespace Platform.Training.Methods.Privacy;

/// <summary>
/// Per-sample gradients of one layer's parameters from its input and the gradient of the summed per-sample
/// loss with respect to its output, computed per layer in one pass for the whole batch (as Opacus does),
/// not with one backward pass per sample. Each result has the batch as its first dimension.
/// </summary>
public static class PerSampleGradients
{
    /// <summary>Whether the layer type is supported (its parameters get per-sample gradients).</summary>
    public static bool Supports(Module module) => module is Linear or GroupNorm || module is Conv2d { Groups: 1 };

    /// <summary>(parameter, per-sample gradient) pairs of the layer.</summary>
    public static IEnumerable<(Tensor Parameter, Tensor Gradient)> Of(Module module, Tensor input, Tensor backprop) => module switch
    {
        Linear l => ForLinear(l, input, backprop),
        Conv2d c => ForConv2d(c, input, backprop),
        GroupNorm g => ForGroupNorm(g, input, backprop),
        _ => throw new NotSupportedException($"no per-sample gradients for {module.GetType().Name}"),
    };

    private static IEnumerable<(Tensor, Tensor)> ForLinear(Linear layer, Tensor input, Tensor backprop)
    {
        var n = input.Shape[0];
        // (N, L, in) and (N, L, out): L is 1 for plain batches, the sequence for higher-rank inputs.
        var a = input.Reshape(n, -1, layer.InFeatures);
        var b = backprop.Reshape(n, -1, layer.OutFeatures);
        yield return (layer.Weight, b.Transpose(1, 2).MatMul(a));
        if (layer.Bias is { } bias)
            yield return (bias, b.Sum(1));
    }

    private static IEnumerable<(Tensor, Tensor)> ForConv2d(Conv2d layer, Tensor input, Tensor backprop)
    {
        // dW[n,o,c,i,j] = Σ_hw g[n,o,h,w] · x_pad[n,c, h·s + i·d, w·s + j·d]: a convolution of each sample's input
        // with its own output gradients, done for all samples at once as a grouped convolution in which the
        // forward stride becomes the dilation and the forward dilation the stride.
        var (n, c) = (input.Shape[0], input.Shape[1]);
        var o = layer.OutChannels;
        var x = input.Transpose(0, 1);                                                  // (C, N, H, W)
        var g = backprop.Reshape(n * o, 1, backprop.Shape[2], backprop.Shape[3]);       // (N·O, 1, H', W')
        var full = Functional.Conv2d(x, g, null, layer.Dilation, layer.Padding, layer.Stride, n); // (C, N·O, kh+, kw+)
        var (kh, kw) = layer.KernelSize;
        var dw = full.Narrow(2, 0, kh).Narrow(3, 0, kw)
            .Reshape(c, n, o, kh, kw)
            .Permute(1, 2, 0, 3, 4);                                                     // (N, O, C, kh, kw)
        yield return (layer.Weight, dw);
        if (layer.Bias is { } bias)
            yield return (bias, backprop.Sum([2, 3]));
    }

    private static IEnumerable<(Tensor, Tensor)> ForGroupNorm(GroupNorm layer, Tensor input, Tensor backprop)
    {
        var normalized = Functional.GroupNorm(input.Detach(), layer.NumGroups, null, null, layer.Eps);
        var dims = Enumerable.Range(2, input.Dim - 2).Select(d => (long)d).ToArray();
        if (layer.Weight is { } weight)
            yield return (weight, dims.Length == 0 ? normalized * backprop : (normalized * backprop).Sum(dims));
        if (layer.Bias is { } bias)
            yield return (bias, dims.Length == 0 ? backprop : backprop.Sum(dims));
    }
}
