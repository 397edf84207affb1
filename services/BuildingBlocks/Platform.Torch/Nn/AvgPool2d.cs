namespace Platform.Torch.Nn;

/// <summary>2-D average pooling (torch.nn.AvgPool2d); stride defaults to the kernel size.</summary>
public sealed class AvgPool2d(long kernelSize, long? stride = null, long padding = 0, bool ceilMode = false, bool countIncludePad = true) : Module
{
    /// <summary>Window size.</summary>
    public long KernelSize { get; } = kernelSize;
    /// <summary>Step.</summary>
    public long Stride { get; } = stride ?? kernelSize;
    /// <summary>Implicit zero padding.</summary>
    public long Padding { get; } = padding;
    /// <summary>Round the output size up.</summary>
    public bool CeilMode { get; } = ceilMode;
    /// <summary>Count padded zeros in the average.</summary>
    public bool CountIncludePad { get; } = countIncludePad;

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input) =>
        Functional.AvgPool2d(input, (KernelSize, KernelSize), (Stride, Stride), (Padding, Padding), CeilMode, CountIncludePad);
}
