namespace Platform.Vision.Models;

/// <summary>The first layers of a ResNet.</summary>
public enum ResNetStem
{
    /// <summary>7x7 stride-2 conv + 3x3 stride-2 max-pool (torchvision, 224×224 inputs).</summary>
    ImageNet,

    /// <summary>3x3 stride-1 conv and no max-pool (the usual CIFAR variant for 32×32 inputs).</summary>
    Cifar,
}
