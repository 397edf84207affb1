using Platform.Torch;
using Platform.Vision.Data;

namespace Platform.Vision.Transforms;

/// <summary>
/// Zero-pads each image by <see cref="Padding"/> on every side and crops a random
/// <see cref="Size"/>×<see cref="Size"/> window, chosen per sample (torchvision's RandomCrop(size, padding)).
/// </summary>
public sealed class RandomCrop : ITensorTransform
{
    /// <summary>Output size and zero padding.</summary>
    public RandomCrop(int size, int padding = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        Size = size;
        Padding = padding;
    }

    /// <summary>Output height and width.</summary>
    public int Size { get; }
    /// <summary>Zero padding added on each side before cropping.</summary>
    public int Padding { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor images, SeededRandom random)
    {
        var shape = images.Shape;
        var (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3]);
        var (ph, pw) = (h + 2 * Padding, w + 2 * Padding);
        if (Size > ph || Size > pw)
        {
            throw new ArgumentException($"crop size {Size} is larger than the padded image {ph}x{pw}", nameof(images));
        }
        using var scope = Platform.Torch.Torch.NewDisposeScope();
        var padded = Tensor.Zeros([n, c, ph, pw], images.DType, images.Device);
        using (Platform.Torch.Torch.NoGrad())
        {
            padded.Narrow(2, Padding, h).Narrow(3, Padding, w).Copy_(images);
        }
        var crops = new Tensor[n];
        for (var i = 0; i < n; i++)
        {
            var top = random.NextInt((int)(ph - Size) + 1);
            var left = random.NextInt((int)(pw - Size) + 1);
            crops[i] = padded[i].Narrow(1, top, Size).Narrow(2, left, Size);
        }
        return Tensor.Stack(crops).MoveToOuterDisposeScope();
    }
}
