namespace Platform.Torch.Nn;

/// <summary>Average pooling to a fixed output size (torch.nn.AdaptiveAvgPool2d).</summary>
public sealed class AdaptiveAvgPool2d(long outputHeight, long outputWidth) : Module
{
    /// <summary>Square output size.</summary>
    public AdaptiveAvgPool2d(long outputSize) : this(outputSize, outputSize) { }

    /// <summary>Output (h, w).</summary>
    public (long H, long W) OutputSize { get; } = (outputHeight, outputWidth);

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input) => Functional.AdaptiveAvgPool2d(input, OutputSize);
}
