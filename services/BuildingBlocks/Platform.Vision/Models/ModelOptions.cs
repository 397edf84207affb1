namespace Platform.Vision.Models;

/// <summary>What <see cref="ModelZoo"/> needs to build a model for a dataset.</summary>
/// <param name="InChannels">Image channels (1 for Fashion-MNIST, 3 for CIFAR).</param>
/// <param name="NumClasses">Output classes.</param>
/// <param name="ImageSize">Square input size in pixels (used by models with a flattening head).</param>
/// <param name="Norm">Normalisation after convolutions (GroupNorm for DP-SGD).</param>
/// <param name="VggHead">Classifier of VGG models.</param>
public sealed record ModelOptions(
    long InChannels = 3,
    long NumClasses = 10,
    long ImageSize = 32,
    NormKind Norm = NormKind.BatchNorm,
    VggHead VggHead = VggHead.Compact);
