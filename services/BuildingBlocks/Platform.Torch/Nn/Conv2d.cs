namespace Platform.Torch.Nn;

/// <summary>2-D convolution (torch.nn.Conv2d), initialised like PyTorch.</summary>
public sealed class Conv2d : Module
{
    /// <summary>Square kernel, stride, padding and dilation.</summary>
    public Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1,
        long groups = 1, bool bias = true, Generator? generator = null)
        : this(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), (dilation, dilation), groups, bias, generator)
    {
    }

    /// <summary>Rectangular kernel, stride, padding and dilation as (height, width).</summary>
    public Conv2d(long inChannels, long outChannels, (long H, long W) kernelSize, (long H, long W) stride, (long H, long W) padding,
        (long H, long W) dilation, long groups = 1, bool bias = true, Generator? generator = null)
    {
        if (inChannels % groups != 0 || outChannels % groups != 0)
        {
            throw new ArgumentException($"in_channels ({inChannels}) and out_channels ({outChannels}) must be divisible by groups ({groups})");
        }
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        Dilation = dilation;
        Groups = groups;
        Weight = RegisterParameter("weight", Tensor.Empty([outChannels, inChannels / groups, kernelSize.H, kernelSize.W]))!;
        Bias = RegisterParameter("bias", bias ? Tensor.Empty([outChannels]) : null);
        Init.DefaultLayerInit(Weight, Bias, generator);
    }

    /// <summary>Input channels.</summary>
    public long InChannels { get; }
    /// <summary>Output channels.</summary>
    public long OutChannels { get; }
    /// <summary>Kernel (h, w).</summary>
    public (long H, long W) KernelSize { get; }
    /// <summary>Stride (h, w).</summary>
    public (long H, long W) Stride { get; }
    /// <summary>Zero padding (h, w).</summary>
    public (long H, long W) Padding { get; }
    /// <summary>Dilation (h, w).</summary>
    public (long H, long W) Dilation { get; }
    /// <summary>Channel groups.</summary>
    public long Groups { get; }
    /// <summary>Weight [out, in/groups, kh, kw].</summary>
    public Tensor Weight { get; }
    /// <summary>Bias [out] or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input) => Functional.Conv2d(input, Weight, Bias, Stride, Padding, Dilation, Groups);
}
