using Platform.Torch;
using Platform.Torch.Nn;

namespace Platform.Vision.Models;

/// <summary>
/// VGG-11/16 with torchvision's feature layout and initialisation ("features", "avgpool",
/// "classifier"); the norm option gives vgg*_bn (BatchNorm), a DP-ready GroupNorm variant or
/// the plain network; the head is compact (CIFAR) or torchvision's.
/// </summary>
public sealed class Vgg : Module
{
    private static readonly int[] Vgg11Config = [64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0];
    private static readonly int[] Vgg16Config = [64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0];

    /// <summary>Creates VGG with <paramref name="depth"/> 11 or 16 weight layers.</summary>
    public Vgg(int depth, long inChannels = 3, long numClasses = 1000, NormKind norm = NormKind.BatchNorm, VggHead head = VggHead.Compact)
    {
        var config = depth switch
        {
            11 => Vgg11Config,
            16 => Vgg16Config,
            _ => throw new ArgumentException($"VGG depth {depth} is not supported; use 11 or 16", nameof(depth)),
        };
        Depth = depth;
        Head = head;
        var features = new Sequential();
        var channels = inChannels;
        foreach (var v in config)
        {
            if (v == 0)
            {
                features.Add(new MaxPool2d(2, 2));
                continue;
            }
            // 0 marks a max-pool ('M' in torchvision); pooling is added by that entry.
            ConvBlock.Append(features, channels, v, norm, pool: false, bias: true);
            channels = v;
        }
        Features = RegisterModule("features", features);
        if (head == VggHead.ImageNet)
        {
            AvgPool = RegisterModule("avgpool", new AdaptiveAvgPool2d(7));
            Classifier = RegisterModule("classifier", new Sequential(
                new Linear(512 * 7 * 7, 4096), new ReLU(), new Dropout(),
                new Linear(4096, 4096), new ReLU(), new Dropout(),
                new Linear(4096, numClasses)));
        }
        else
        {
            AvgPool = RegisterModule("avgpool", new AdaptiveAvgPool2d(1));
            Classifier = RegisterModule("classifier", new Sequential(new Linear(512, numClasses)));
        }
        NormLayer.TorchvisionInit(this, linearNormal: true);
    }

    /// <summary>11 or 16.</summary>
    public int Depth { get; }
    /// <summary>Classifier variant.</summary>
    public VggHead Head { get; }
    /// <summary>Convolutional trunk.</summary>
    public Sequential Features { get; }
    /// <summary>Pool before the classifier (7×7 or 1×1).</summary>
    public AdaptiveAvgPool2d AvgPool { get; }
    /// <summary>Fully connected head.</summary>
    public Sequential Classifier { get; }

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input) => Classifier.Forward(AvgPool.Forward(Features.Forward(input)).Flatten(1));
}
