using Platform.Torch;

namespace Platform.Vision.Datasets;

/// <summary>The samples of another dataset at an index list; index i here is SourceIndices[i] there.</summary>
public sealed class DatasetSubset : IImageDataset
{
    private readonly IImageDataset _source;
    private readonly int[] _indices;

    /// <summary>Creates the view; every index must exist in <paramref name="source"/>.</summary>
    public DatasetSubset(IImageDataset source, IReadOnlyList<int> indices)
    {
        _source = source;
        _indices = [.. indices];
        foreach (var i in _indices)
        {
            source.CheckIndex(i);
        }
        Labels = [.. _indices.Select(i => source.Labels[i])];
    }

    /// <summary>Indices into the source dataset, in subset order.</summary>
    public IReadOnlyList<int> SourceIndices => _indices;
    /// <inheritdoc />
    public string Name => $"{_source.Name}[subset of {_indices.Length}]";
    /// <inheritdoc />
    public int Count => _indices.Length;
    /// <inheritdoc />
    public int Channels => _source.Channels;
    /// <inheritdoc />
    public int Height => _source.Height;
    /// <inheritdoc />
    public int Width => _source.Width;
    /// <inheritdoc />
    public int NumClasses => _source.NumClasses;
    /// <inheritdoc />
    public int[] Labels { get; }

    /// <inheritdoc />
    public Tensor GetImages(ReadOnlySpan<int> indices)
    {
        var mapped = new int[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            this.CheckIndex(indices[i]);
            mapped[i] = _indices[indices[i]];
        }
        return _source.GetImages(mapped);
    }
}
