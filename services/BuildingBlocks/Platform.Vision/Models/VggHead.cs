namespace Platform.Vision.Models;

/// <summary>The classifier of a VGG network.</summary>
public enum VggHead
{
    /// <summary>Global average pool → Linear(512, classes): the usual CIFAR-size variant (~9.2M params for VGG-11).</summary>
    Compact,

    /// <summary>torchvision's head: adaptive pool to 7×7 → 4096 → 4096 → classes with dropout (~133M params for VGG-11).</summary>
    ImageNet,
}
