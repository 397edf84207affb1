using Platform.Torch;
using Platform.Torch.Nn;

namespace Platform.Vision.Models;

/// <summary>
/// LeNet-5 with ReLU and max-pooling: conv5x5(6) → pool → conv5x5(16) → pool → 120 → 84 → classes.
/// 28×28 inputs are zero-padded by 2 in the first conv so the trunk sees 32×32, as in the paper.
/// </summary>
public sealed class LeNet5 : Module
{
    /// <summary>Creates the network for square inputs of 28 or 32 pixels.</summary>
    public LeNet5(long inChannels = 1, long numClasses = 10, long imageSize = 28)
    {
        if (imageSize is not (28 or 32))
        {
            throw new ArgumentException($"LeNet5 expects 28x28 or 32x32 inputs, got {imageSize}x{imageSize}", nameof(imageSize));
        }
        Features = RegisterModule("features", new Sequential(
            new Conv2d(inChannels, 6, 5, padding: (32 - imageSize) / 2), new ReLU(), new MaxPool2d(2),
            new Conv2d(6, 16, 5), new ReLU(), new MaxPool2d(2)));
        Classifier = RegisterModule("classifier", new Sequential(
            new Flatten(), new Linear(16 * 5 * 5, 120), new ReLU(), new Linear(120, 84), new ReLU(), new Linear(84, numClasses)));
    }

    /// <summary>Convolutions and pools.</summary>
    public Sequential Features { get; }
    /// <summary>The fully connected head.</summary>
    public Sequential Classifier { get; }

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input) => Classifier.Forward(Features.Forward(input));
}
