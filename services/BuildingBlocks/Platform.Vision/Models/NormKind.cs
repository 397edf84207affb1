namespace Platform.Vision.Models;

/// <summary>Normalisation layer used after each convolution.</summary>
public enum NormKind
{
    /// <summary>BatchNorm2d (the usual default).</summary>
    BatchNorm,

    /// <summary>GroupNorm with min(32, C) groups: batch-independent, required for DP-SGD per-sample gradients.</summary>
    GroupNorm,

    /// <summary>No normalisation (e.g. torchvision's plain vgg11/vgg16).</summary>
    None,
}
