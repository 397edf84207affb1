using Platform.Torch;
using Platform.Torch.Nn;

namespace Platform.Vision.Models;

/// <summary>ResNet basic block (torchvision's BasicBlock): two 3x3 convs with a residual connection.</summary>
public sealed class BasicBlock : Module
{
    /// <summary>
    /// Creates the block. <paramref name="downsample"/> is built by the caller before the block,
    /// as torchvision does, so the same seed draws the same weights in the same order.
    /// </summary>
    public BasicBlock(long inChannels, long channels, long stride, NormKind norm, Sequential? downsample)
    {
        Conv1 = RegisterModule("conv1", new Conv2d(inChannels, channels, 3, stride: stride, padding: 1, bias: false));
        Norm1 = Register("bn1", NormLayer.Create(norm, channels));
        Relu = RegisterModule("relu", new ReLU());
        Conv2 = RegisterModule("conv2", new Conv2d(channels, channels, 3, padding: 1, bias: false));
        Norm2 = Register("bn2", NormLayer.Create(norm, channels));
        Downsample = downsample is null ? null : RegisterModule("downsample", downsample);
    }

    /// <summary>First 3x3 conv (carries the stride).</summary>
    public Conv2d Conv1 { get; }
    /// <summary>Norm after conv1 or null.</summary>
    public Module? Norm1 { get; }
    /// <summary>Activation.</summary>
    public ReLU Relu { get; }
    /// <summary>Second 3x3 conv.</summary>
    public Conv2d Conv2 { get; }
    /// <summary>Norm after conv2 or null.</summary>
    public Module? Norm2 { get; }
    /// <summary>1x1 conv + norm projecting the shortcut when shape changes, else null.</summary>
    public Sequential? Downsample { get; }

    private Module? Register(string name, Module? module) => module is null ? null : RegisterModule(name, module);

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input)
    {
        var x = Conv1.Forward(input);
        x = Relu.Forward(Norm1?.Forward(x) ?? x);
        x = Conv2.Forward(x);
        x = Norm2?.Forward(x) ?? x;
        var identity = Downsample?.Forward(input) ?? input;
        return Relu.Forward(x + identity);
    }
}
