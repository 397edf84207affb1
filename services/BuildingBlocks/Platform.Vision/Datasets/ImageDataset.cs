using Platform.Torch;

namespace Platform.Vision.Datasets;

/// <summary>Images held as uint8 pixels in memory ([N, C, H, W] order), as read from IDX or CIFAR files.</summary>
public sealed class ImageDataset : IImageDataset
{
    private readonly byte[] _pixels;

    /// <summary>Wraps <paramref name="pixels"/> (N·C·H·W bytes, sample-major) and one label per sample.</summary>
    public ImageDataset(string name, byte[] pixels, int[] labels, int channels, int height, int width, int numClasses)
    {
        var imageSize = (long)channels * height * width;
        if (imageSize <= 0 || pixels.LongLength != imageSize * labels.Length)
        {
            throw new ArgumentException($"dataset '{name}': {pixels.LongLength} pixel bytes do not hold {labels.Length} images of {channels}x{height}x{width}");
        }
        var bad = Array.FindIndex(labels, l => l < 0 || l >= numClasses);
        if (bad >= 0)
        {
            throw new ArgumentException($"dataset '{name}': label {labels[bad]} of sample {bad} is outside 0..{numClasses - 1}");
        }
        Name = name;
        _pixels = pixels;
        Labels = labels;
        Channels = channels;
        Height = height;
        Width = width;
        NumClasses = numClasses;
    }

    /// <inheritdoc />
    public string Name { get; }
    /// <inheritdoc />
    public int Count => Labels.Length;
    /// <inheritdoc />
    public int Channels { get; }
    /// <inheritdoc />
    public int Height { get; }
    /// <inheritdoc />
    public int Width { get; }
    /// <inheritdoc />
    public int NumClasses { get; }
    /// <inheritdoc />
    public int[] Labels { get; }

    /// <summary>The raw uint8 pixels of sample <paramref name="index"/> ([C, H, W]).</summary>
    public ReadOnlySpan<byte> GetPixels(int index)
    {
        this.CheckIndex(index);
        var size = Channels * Height * Width;
        return _pixels.AsSpan(index * size, size);
    }

    /// <inheritdoc />
    public Tensor GetImages(ReadOnlySpan<int> indices)
    {
        var size = Channels * Height * Width;
        var values = new float[(long)indices.Length * size];
        for (var i = 0; i < indices.Length; i++)
        {
            var source = GetPixels(indices[i]);
            var target = values.AsSpan(i * size, size);
            for (var j = 0; j < size; j++)
            {
                // Same float32 arithmetic as torchvision's ToTensor (x / 255).
                target[j] = source[j] / 255f;
            }
        }
        return Tensor.From<float>(values, [indices.Length, Channels, Height, Width]);
    }
}
