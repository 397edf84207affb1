using Platform.Torch;
using Platform.Torch.Nn;

namespace Platform.Vision.Models;

/// <summary>Multi-layer perceptron over flattened images: Flatten → (Linear → ReLU)* → Linear.</summary>
public sealed class Mlp : Module
{
    /// <summary>Creates the network; <paramref name="hidden"/> defaults to [512, 256].</summary>
    public Mlp(long inChannels = 1, long numClasses = 10, long imageSize = 28, IReadOnlyList<long>? hidden = null)
    {
        hidden ??= [512, 256];
        var layers = new Sequential(new Flatten());
        var width = inChannels * imageSize * imageSize;
        foreach (var h in hidden)
        {
            layers.Add(new Linear(width, h)).Add(new ReLU());
            width = h;
        }
        layers.Add(new Linear(width, numClasses));
        Layers = RegisterModule("layers", layers);
    }

    /// <summary>All layers in order.</summary>
    public Sequential Layers { get; }

    /// <inheritdoc />
    protected override Tensor ForwardCore(Tensor input) => Layers.Forward(input);
}
