using Platform.Torch.Nn;

namespace Platform.Vision.Models;

/// <summary>Builds the conv → norm → ReLU (→ max-pool) runs shared by the small CNN and VGG.</summary>
internal static class ConvBlock
{
    public static void Append(Sequential into, long inChannels, long outChannels, NormKind norm, bool pool, bool bias)
    {
        into.Add(new Conv2d(inChannels, outChannels, 3, padding: 1, bias: bias));
        var normLayer = NormLayer.Create(norm, outChannels);
        if (normLayer is not null)
        {
            into.Add(normLayer);
        }
        into.Add(new ReLU());
        if (pool)
        {
            into.Add(new MaxPool2d(2));
        }
    }
}
