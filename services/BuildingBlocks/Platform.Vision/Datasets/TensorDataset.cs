using Platform.Torch;

namespace Platform.Vision.Datasets;

/// <summary>An in-memory dataset over a float image tensor [N, C, H, W] and labels (e.g. synthetic data).</summary>
public sealed class TensorDataset : IImageDataset, IDisposable
{
    private readonly Tensor _images;

    /// <summary>Takes a copy of <paramref name="images"/> (detached, float32, CPU, contiguous).</summary>
    public TensorDataset(string name, Tensor images, int[] labels, int numClasses)
    {
        if (images.Dim != 4 || images.Size(0) != labels.Length)
        {
            throw new ArgumentException($"dataset '{name}': images must be [N, C, H, W] with N = {labels.Length} labels, got [{string.Join(", ", images.Shape)}]");
        }
        var bad = Array.FindIndex(labels, l => l < 0 || l >= numClasses);
        if (bad >= 0)
        {
            throw new ArgumentException($"dataset '{name}': label {labels[bad]} of sample {bad} is outside 0..{numClasses - 1}");
        }
        using (var detached = images.Detach())
        using (var cpu = detached.To(Device.Cpu, ScalarType.Float32))
        using (var contiguous = cpu.Contiguous())
        {
            _images = contiguous.Clone().DetachFromDisposeScope();
        }
        Name = name;
        Labels = labels;
        NumClasses = numClasses;
        var shape = _images.Shape;
        (Channels, Height, Width) = ((int)shape[1], (int)shape[2], (int)shape[3]);
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

    /// <inheritdoc />
    public Tensor GetImages(ReadOnlySpan<int> indices)
    {
        var idx = new long[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            this.CheckIndex(indices[i]);
            idx[i] = indices[i];
        }
        using var index = Tensor.From(idx);
        return _images.IndexSelect(0, index);
    }

    /// <summary>Releases the image tensor.</summary>
    public void Dispose() => _images.Dispose();
}
