namespace Platform.Torch.Nn;

/// <summary>2-D max pooling (torch.nn.MaxPool2d); stride defaults to the kernel size.</summary>
public sealed class MaxPool2d(long kernelSize, long? stride = null, long padding = 0, long dilation = 1, bool ceilMode = false) : Module
{
    /// <summary>Window size.</summary>
    public long KernelSize { get; } = kernelSize;
    /// <summary>Step.</summary>
    public long Stride { get; } = stride ?? kernelSize;
    /// <summary>Implicit -inf padding.</summary>
    public long Padding { get; } = padding;
    /// <summary>Window dilation.</summary>
    public long Dilation { get; } = dilation;
    /// <summary>Round the output size up.</summary>
    public bool CeilMode { get; } = ceilMode;

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input) =>
        Functional.MaxPool2d(input, (KernelSize, KernelSize), (Stride, Stride), (Padding, Padding), (Dilation, Dilation), CeilMode);
}
