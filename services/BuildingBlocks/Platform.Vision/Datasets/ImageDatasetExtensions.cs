using Platform.Torch;

namespace Platform.Vision.Datasets;

/// <summary>Batch access shared by every <see cref="IImageDataset"/>.</summary>
public static class ImageDatasetExtensions
{
    /// <summary>The labels at <paramref name="indices"/> as a new int64 [n] tensor.</summary>
    public static Tensor GetLabels(this IImageDataset dataset, ReadOnlySpan<int> indices)
    {
        var labels = new long[indices.Length];
        var all = dataset.Labels;
        for (var i = 0; i < indices.Length; i++)
        {
            labels[i] = all[indices[i]];
        }
        return Tensor.From(labels);
    }

    /// <summary>Images and labels of samples start..start+count-1.</summary>
    public static (Tensor Images, Tensor Labels) GetRange(this IImageDataset dataset, int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, dataset.Count);
        var indices = Enumerable.Range(start, count).ToArray();
        return (dataset.GetImages(indices), dataset.GetLabels(indices));
    }

    /// <summary>A view of the samples at <paramref name="indices"/> (in that order).</summary>
    public static DatasetSubset Subset(this IImageDataset dataset, IReadOnlyList<int> indices) => new(dataset, indices);

    internal static void CheckIndex(this IImageDataset dataset, int index)
    {
        if ((uint)index >= (uint)dataset.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index {index} is outside dataset '{dataset.Name}' of {dataset.Count} samples");
        }
    }
}
