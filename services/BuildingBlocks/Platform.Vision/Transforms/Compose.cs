using Platform.Torch;
using Platform.Vision.Data;

namespace Platform.Vision.Transforms;

/// <summary>Applies transforms in order (torchvision's Compose).</summary>
public sealed class Compose(params ITensorTransform[] transforms) : ITensorTransform
{
    /// <summary>The transforms, in order.</summary>
    public IReadOnlyList<ITensorTransform> Transforms { get; } = transforms;

    /// <inheritdoc />
    public Tensor Apply(Tensor images, SeededRandom random)
    {
        var x = images;
        foreach (var t in Transforms)
        {
            var next = t.Apply(x, random);
            if (!ReferenceEquals(x, images))
            {
                x.Dispose();
            }
            x = next;
        }
        return ReferenceEquals(x, images) ? images.Alias() : x;
    }
}
