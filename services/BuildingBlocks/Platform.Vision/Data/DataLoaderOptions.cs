using Platform.Torch;
using Platform.Vision.Transforms;

namespace Platform.Vision.Data;

/// <summary>How a <see cref="DataLoader"/> batches a dataset.</summary>
public sealed record DataLoaderOptions
{
    /// <summary>Samples per batch.</summary>
    public int BatchSize { get; init; } = 128;
    /// <summary>Reshuffle every epoch (the order depends only on <see cref="Seed"/> and the epoch).</summary>
    public bool Shuffle { get; init; }
    /// <summary>Seed of shuffling and random transforms.</summary>
    public ulong Seed { get; init; }
    /// <summary>Drop the last batch when it is smaller than <see cref="BatchSize"/>.</summary>
    public bool DropLast { get; init; }
    /// <summary>Only these dataset indices (a subset); null means all samples.</summary>
    public IReadOnlyList<int>? Indices { get; init; }
    /// <summary>Batches prepared ahead on a background thread (0 = prepare on the caller's thread).</summary>
    public int Prefetch { get; init; } = 2;
    /// <summary>Applied to each batch of images (after loading, before moving to <see cref="Device"/>).</summary>
    public ITensorTransform? Transform { get; init; }
    /// <summary>Where batches are delivered; null means the CPU.</summary>
    public Device? Device { get; init; }
}
