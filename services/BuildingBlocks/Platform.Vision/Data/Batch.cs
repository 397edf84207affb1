using Platform.Torch;

namespace Platform.Vision.Data;

/// <summary>
/// One mini-batch: the dataset indices of its samples (to key per-sample outputs), images
/// [n, C, H, W] and int64 labels [n]. The consumer owns it and disposes it.
/// </summary>
public sealed class Batch(int[] indices, Tensor images, Tensor labels) : IDisposable
{
    /// <summary>Dataset index of each sample, in batch order.</summary>
    public int[] Indices { get; } = indices;
    /// <summary>Images [n, C, H, W].</summary>
    public Tensor Images { get; } = images;
    /// <summary>Labels [n] (int64).</summary>
    public Tensor Labels { get; } = labels;
    /// <summary>Samples in this batch.</summary>
    public int Count => Indices.Length;

    /// <summary>Releases both tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
