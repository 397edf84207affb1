using Platform.Torch;
using Platform.Torch.Nn;

namespace Platform.Vision.Models;

/// <summary>
/// The classic Fashion-MNIST small CNN: 2 × (conv3x3 → norm → ReLU → max-pool 2) → linear.
/// PyTorch default initialisation; children "features" and "classifier".
/// </summary>
public sealed class SmallCnn : Module
{
    /// <summary>Creates the network for square inputs of <paramref name="imageSize"/> (divisible by 4).</summary>
    public SmallCnn(long inChannels = 1, long numClasses = 10, long imageSize = 28, NormKind norm = NormKind.BatchNorm,
        long width1 = 32, long width2 = 64)
    {
        if (imageSize % 4 != 0)
        {
            throw new ArgumentException($"SmallCnn needs an image size divisible by 4 (two 2x2 pools), got {imageSize}", nameof(imageSize));
        }
        var features = new Sequential();
        ConvBlock.Append(features, inChannels, width1, norm, pool: true, bias: true);
        ConvBlock.Append(features, width1, width2, norm, pool: true, bias: true);
        Features = RegisterModule("features", features);
        Flatten = RegisterModule("flatten", new Flatten());
        Classifier = RegisterModule("classifier", new Linear(width2 * (imageSize / 4) * (imageSize / 4), numClasses));
    }

    /// <summary>The convolutional trunk.</summary>
    public Sequential Features { get; }
    /// <summary>Flattens [N, C, H, W] to [N, C·H·W].</summary>
    public Flatten Flatten { get; }
    /// <summary>The output layer.</summary>
    public Linear Classifier { get; }

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input) => Classifier.Forward(Flatten.Forward(Features.Forward(input)));
}
