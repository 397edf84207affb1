using Platform.Torch;

namespace Platform.Vision.Datasets;

/// <summary>
/// The samples a model trains on, in position order: each position is a source sample (possibly the same one
/// twice, for injected duplicates) with the label the model is given (possibly a corrupted one).
/// </summary>
public sealed class RelabeledDataset : IImageDataset
{
    private readonly IImageDataset source;

    /// <summary>Positions map to <paramref name="sourceIndices"/> with <paramref name="labels"/>.</summary>
    public RelabeledDataset(IImageDataset source, int[] sourceIndices, int[] labels)
    {
        if (sourceIndices.Length != labels.Length)
            throw new ArgumentException("every position needs one source index and one label");
        this.source = source;
        SourceIndices = sourceIndices;
        Labels = labels;
    }

    /// <summary>Source sample of each position.</summary>
    public int[] SourceIndices { get; }

    /// <inheritdoc />
    public string Name => source.Name + "[training set]";

    /// <inheritdoc />
    public int Count => Labels.Length;

    /// <inheritdoc />
    public int Channels => source.Channels;

    /// <inheritdoc />
    public int Height => source.Height;

    /// <inheritdoc />
    public int Width => source.Width;

    /// <inheritdoc />
    public int NumClasses => source.NumClasses;

    /// <inheritdoc />
    public int[] Labels { get; }

    /// <inheritdoc />
    public Tensor GetImages(ReadOnlySpan<int> indices)
    {
        var mapped = new int[indices.Length];
        for (var i = 0; i < indices.Length; i++)
            mapped[i] = SourceIndices[indices[i]];
        return source.GetImages(mapped);
    }
}
