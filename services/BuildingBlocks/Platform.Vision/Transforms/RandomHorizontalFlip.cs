using Platform.Torch;
using Platform.Vision.Data;

namespace Platform.Vision.Transforms;

/// <summary>Mirrors each image left–right with probability <see cref="P"/>, chosen per sample.</summary>
public sealed class RandomHorizontalFlip(double p = 0.5) : ITensorTransform
{
    /// <summary>Flip probability.</summary>
    public double P { get; } = p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "flip probability must be in [0, 1]");

    /// <inheritdoc />
    public Tensor Apply(Tensor images, SeededRandom random)
    {
        var n = images.Size(0);
        var flip = new bool[n];
        for (var i = 0; i < n; i++)
        {
            flip[i] = random.NextDouble() < P;
        }
        using var scope = Platform.Torch.Torch.NewDisposeScope();
        var width = images.Size(3);
        var reversed = Tensor.Arange(width - 1, -1, -1, ScalarType.Int64, images.Device);
        var mirrored = images.IndexSelect(3, reversed);
        var mask = Tensor.From(flip, [n, 1, 1, 1], images.Device);
        return Tensor.Where(mask, mirrored, images).MoveToOuterDisposeScope();
    }
}
