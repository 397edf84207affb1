using Platform.Torch.Native;

namespace Platform.Torch.Nn;

/// <summary>torch.nn.functional: layer math and losses over tensors.</summary>
public static unsafe class Functional
{
    private static TensorHandle Opt(Tensor? t) => t?.Handle ?? TensorHandle.Null;

    /// <summary>x Wᵀ + b.</summary>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null) => new(LibTorch.pt_linear(input.Handle, weight.Handle, Opt(bias)));

    /// <summary>2-D convolution; pairs are (height, width).</summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, (long H, long W) stride, (long H, long W) padding, (long H, long W) dilation, long groups = 1)
    {
        long* s = stackalloc long[] { stride.H, stride.W };
        long* p = stackalloc long[] { padding.H, padding.W };
        long* d = stackalloc long[] { dilation.H, dilation.W };
        return new Tensor(LibTorch.pt_conv2d(input.Handle, weight.Handle, Opt(bias), s, p, d, groups));
    }

    /// <summary>
    /// Batch normalisation. With <paramref name="training"/> the batch statistics are used and
    /// the running buffers (if given) are updated in place with <paramref name="momentum"/>.
    /// </summary>
    public static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null, Tensor? bias = null,
        bool training = false, double momentum = 0.1, double eps = 1e-5) =>
        new(LibTorch.pt_batch_norm(input.Handle, Opt(weight), Opt(bias), Opt(runningMean), Opt(runningVar), training ? 1 : 0, momentum, eps));

    /// <summary>Group normalisation.</summary>
    public static Tensor GroupNorm(Tensor input, long numGroups, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
        new(LibTorch.pt_group_norm(input.Handle, numGroups, Opt(weight), Opt(bias), eps));

    /// <summary>max(x, 0).</summary>
    public static Tensor Relu(Tensor input) => input.Relu();

    /// <summary>GELU; <paramref name="approximate"/> is "none" (erf) or "tanh".</summary>
    public static Tensor Gelu(Tensor input, string approximate = "none") => new(LibTorch.pt_gelu(input.Handle, approximate == "tanh" ? 1 : 0));

    /// <summary>2-D max pooling.</summary>
    public static Tensor MaxPool2d(Tensor input, (long H, long W) kernel, (long H, long W) stride, (long H, long W) padding, (long H, long W) dilation, bool ceilMode = false)
    {
        long* k = stackalloc long[] { kernel.H, kernel.W };
        long* s = stackalloc long[] { stride.H, stride.W };
        long* p = stackalloc long[] { padding.H, padding.W };
        long* d = stackalloc long[] { dilation.H, dilation.W };
        return new Tensor(LibTorch.pt_max_pool2d(input.Handle, k, s, p, d, ceilMode ? 1 : 0));
    }

    /// <summary>2-D average pooling.</summary>
    public static Tensor AvgPool2d(Tensor input, (long H, long W) kernel, (long H, long W) stride, (long H, long W) padding, bool ceilMode = false, bool countIncludePad = true)
    {
        long* k = stackalloc long[] { kernel.H, kernel.W };
        long* s = stackalloc long[] { stride.H, stride.W };
        long* p = stackalloc long[] { padding.H, padding.W };
        return new Tensor(LibTorch.pt_avg_pool2d(input.Handle, k, s, p, ceilMode ? 1 : 0, countIncludePad ? 1 : 0));
    }

    /// <summary>Average pooling to a fixed output size.</summary>
    public static Tensor AdaptiveAvgPool2d(Tensor input, (long H, long W) outputSize)
    {
        long* o = stackalloc long[] { outputSize.H, outputSize.W };
        return new Tensor(LibTorch.pt_adaptive_avg_pool2d(input.Handle, o));
    }

    /// <summary>Dropout (identity when not training); draws from the default generator.</summary>
    public static Tensor Dropout(Tensor input, double p = 0.5, bool training = true) => new(LibTorch.pt_dropout(input.Handle, p, training ? 1 : 0));

    /// <summary>Softmax along <paramref name="dim"/>.</summary>
    public static Tensor Softmax(Tensor input, long dim) => new(LibTorch.pt_softmax(input.Handle, dim, 0));

    /// <summary>log(softmax) along <paramref name="dim"/>, computed stably.</summary>
    public static Tensor LogSoftmax(Tensor input, long dim) => new(LibTorch.pt_softmax(input.Handle, dim, 1));

    /// <summary>
    /// Cross-entropy of logits [N, C] against int64 class labels [N] (F.cross_entropy), with
    /// optional class weights and label smoothing.
    /// </summary>
    public static Tensor CrossEntropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double labelSmoothing = 0,
        Tensor? weight = null, long ignoreIndex = -100)
    {
        CheckReduction(reduction);
        ValidateLabelsOnCuda(input, target, ignoreIndex);
        return new Tensor(LibTorch.pt_cross_entropy(input.Handle, target.Handle, Opt(weight), (int)reduction, ignoreIndex, labelSmoothing));
    }

    /// <summary>Negative log-likelihood of log-probabilities [N, C] against labels [N] (F.nll_loss).</summary>
    public static Tensor NllLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, Tensor? weight = null, long ignoreIndex = -100)
    {
        CheckReduction(reduction);
        ValidateLabelsOnCuda(input, target, ignoreIndex);
        return new Tensor(LibTorch.pt_nll_loss(input.Handle, target.Handle, Opt(weight), (int)reduction, ignoreIndex));
    }

    /// <summary>
    /// KL divergence with <paramref name="input"/> as log-probabilities (F.kl_div); the target is
    /// probabilities unless <paramref name="logTarget"/>. Use <see cref="Reduction.BatchMean"/> for the true KL.
    /// </summary>
    public static Tensor KlDiv(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, bool logTarget = false) =>
        new(LibTorch.pt_kl_div(input.Handle, target.Handle, (int)reduction, logTarget ? 1 : 0));

    /// <summary>Mean squared error (F.mse_loss).</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        CheckReduction(reduction);
        return new Tensor(LibTorch.pt_mse_loss(input.Handle, target.Handle, (int)reduction));
    }

    private static void CheckReduction(Reduction reduction)
    {
        if (reduction == Reduction.BatchMean)
        {
            throw new ArgumentException("reduction 'batchmean' applies to kl_div only", nameof(reduction));
        }
    }

    // On CUDA an out-of-range label is a device-side assert that poisons the context, so the
    // check that libtorch does on the CPU is done here first.
    private static void ValidateLabelsOnCuda(Tensor input, Tensor target, long ignoreIndex)
    {
        if (input.Device.Type != DeviceType.Cuda || target.NumEl == 0 || input.Dim < 2)
        {
            return;
        }
        using var scope = Torch.NewDisposeScope();
        var classes = input.Size(1);
        var valid = target.Ne(ignoreIndex);
        var bad = valid.LogicalAnd(target.Lt(0).LogicalOr(target.Ge(classes))).Any().Item<bool>();
        if (bad)
        {
            throw new TorchException($"a target label is out of bounds: labels must be in [0, {classes}) (or {ignoreIndex} to ignore)");
        }
    }
}
