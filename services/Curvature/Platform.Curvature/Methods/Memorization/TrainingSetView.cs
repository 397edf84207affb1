using Platform.Torch;
using Platform.Vision.Datasets;

namespace Platform.Curvature.Methods.Memorization;

/// <summary>
/// A training run's training set over its dataset: row i is the image of <see cref="SourceIndices"/>[i] with the
/// label the run trained on (noisy where corrupted, conflicting for an injected duplicate).
/// </summary>
public sealed class TrainingSetView(IImageDataset source, int[] sourceIndices, int[] labels) : IImageDataset
{
    /// <summary>The dataset sample each row shows.</summary>
    public int[] SourceIndices { get; } = sourceIndices;

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
    public int[] Labels { get; } = labels;

    /// <inheritdoc />
    public Tensor GetImages(ReadOnlySpan<int> indices)
    {
        var mapped = new int[indices.Length];
        for (var i = 0; i < indices.Length; i++)
            mapped[i] = SourceIndices[indices[i]];
        return source.GetImages(mapped);
    }
}
