using Platform.Torch;
using Platform.Torch.Nn;

namespace Platform.Vision.Models;

/// <summary>
/// ResNet-18 with torchvision's structure, names (conv1, bn1, layer1..4, fc) and
/// initialisation, and an optional CIFAR stem.
/// </summary>
public sealed class ResNet18 : Module
{
    private long _inplanes = 64;

    /// <summary>Creates the network.</summary>
    public ResNet18(long inChannels = 3, long numClasses = 1000, ResNetStem stem = ResNetStem.ImageNet, NormKind norm = NormKind.BatchNorm)
    {
        Stem = stem;
        Conv1 = RegisterModule("conv1", stem == ResNetStem.ImageNet
            ? new Conv2d(inChannels, 64, 7, stride: 2, padding: 3, bias: false)
            : new Conv2d(inChannels, 64, 3, stride: 1, padding: 1, bias: false));
        var bn1 = NormLayer.Create(norm, 64);
        Norm1 = bn1 is null ? null : RegisterModule("bn1", bn1);
        Relu = RegisterModule("relu", new ReLU());
        MaxPool = stem == ResNetStem.ImageNet ? RegisterModule("maxpool", new MaxPool2d(3, 2, 1)) : null;
        Layers =
        [
            RegisterModule("layer1", MakeLayer(64, 1, norm)),
            RegisterModule("layer2", MakeLayer(128, 2, norm)),
            RegisterModule("layer3", MakeLayer(256, 2, norm)),
            RegisterModule("layer4", MakeLayer(512, 2, norm)),
        ];
        AvgPool = RegisterModule("avgpool", new AdaptiveAvgPool2d(1));
        Fc = RegisterModule("fc", new Linear(512, numClasses));
        NormLayer.TorchvisionInit(this);
    }

    /// <summary>The stem variant.</summary>
    public ResNetStem Stem { get; }
    /// <summary>First convolution.</summary>
    public Conv2d Conv1 { get; }
    /// <summary>Norm after conv1 or null.</summary>
    public Module? Norm1 { get; }
    /// <summary>Activation.</summary>
    public ReLU Relu { get; }
    /// <summary>Stem max-pool (ImageNet stem only).</summary>
    public MaxPool2d? MaxPool { get; }
    /// <summary>layer1..layer4, two basic blocks each.</summary>
    public IReadOnlyList<Sequential> Layers { get; }
    /// <summary>Global average pool.</summary>
    public AdaptiveAvgPool2d AvgPool { get; }
    /// <summary>Classifier.</summary>
    public Linear Fc { get; }

    private Sequential MakeLayer(long planes, long stride, NormKind norm)
    {
        Sequential? downsample = null;
        if (stride != 1 || _inplanes != planes)
        {
            downsample = new Sequential(new Conv2d(_inplanes, planes, 1, stride: stride, bias: false));
            var n = NormLayer.Create(norm, planes);
            if (n is not null)
            {
                downsample.Add(n);
            }
        }
        var layer = new Sequential(new BasicBlock(_inplanes, planes, stride, norm, downsample));
        _inplanes = planes;
        layer.Add(new BasicBlock(_inplanes, planes, 1, norm, null));
        return layer;
    }

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input)
    {
        var x = Conv1.Forward(input);
        x = Relu.Forward(Norm1?.Forward(x) ?? x);
        x = MaxPool?.Forward(x) ?? x;
        foreach (var layer in Layers)
        {
            x = layer.Forward(x);
        }
        return Fc.Forward(AvgPool.Forward(x).Flatten(1));
    }
}
