using System.Collections.Concurrent;
using Platform.Torch;
using Platform.Vision.Datasets;

namespace Platform.Vision.Data;

/// <summary>
/// Iterates a dataset in mini-batches: seeded shuffling (the same seed and epoch give the same
/// order), optional subset by index list, drop-last, random transforms and a bounded
/// background prefetch of the next batches.
/// </summary>
public sealed class DataLoader
{
    private readonly int[] _indices;

    /// <summary>Creates the loader; every index of <see cref="DataLoaderOptions.Indices"/> must exist in the dataset.</summary>
    public DataLoader(IImageDataset dataset, DataLoaderOptions? options = null)
    {
        Dataset = dataset;
        Options = options ?? new DataLoaderOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegative(Options.Prefetch);
        _indices = Options.Indices is null ? [.. Enumerable.Range(0, dataset.Count)] : [.. Options.Indices];
        foreach (var i in _indices)
        {
            dataset.CheckIndex(i);
        }
    }

    /// <summary>The dataset read.</summary>
    public IImageDataset Dataset { get; }
    /// <summary>The settings.</summary>
    public DataLoaderOptions Options { get; }
    /// <summary>Samples per epoch (the subset size).</summary>
    public int SampleCount => _indices.Length;

    /// <summary>Batches per epoch.</summary>
    public int BatchCount => Options.DropLast ? _indices.Length / Options.BatchSize : (_indices.Length + Options.BatchSize - 1) / Options.BatchSize;

    /// <summary>The dataset indices of <paramref name="epoch"/> in the order they will be delivered.</summary>
    public int[] Order(int epoch)
    {
        var order = (int[])_indices.Clone();
        if (Options.Shuffle)
        {
            new SeededRandom(Options.Seed, (ulong)epoch * 2 + 1).Shuffle<int>(order);
        }
        return order;
    }

    /// <summary>
    /// The batches of <paramref name="epoch"/>; dispose each one. Stopping the enumeration early
    /// stops the prefetch and releases the batches it had prepared.
    /// </summary>
    public IEnumerable<Batch> Epoch(int epoch = 0)
    {
        var order = Order(epoch);
        var random = new SeededRandom(Options.Seed, (ulong)epoch * 2 + 2);
        var batches = Enumerable.Range(0, BatchCount).Select(b => order.AsSpan(b * Options.BatchSize, Math.Min(Options.BatchSize, order.Length - b * Options.BatchSize)).ToArray());
        return Options.Prefetch == 0 ? batches.Select(ids => Load(ids, random)) : Prefetched(batches, random);
    }

    private Batch Load(int[] ids, SeededRandom random)
    {
        var images = Dataset.GetImages(ids).DetachFromDisposeScope();
        var labels = Dataset.GetLabels(ids).DetachFromDisposeScope();
        if (Options.Transform is not null)
        {
            var transformed = Options.Transform.Apply(images, random).DetachFromDisposeScope();
            if (!ReferenceEquals(transformed, images))
            {
                images.Dispose();
                images = transformed;
            }
        }
        if (Options.Device is { } device && device != Device.Cpu)
        {
            var (onImages, onLabels) = (images.To(device).DetachFromDisposeScope(), labels.To(device).DetachFromDisposeScope());
            images.Dispose();
            labels.Dispose();
            (images, labels) = (onImages, onLabels);
        }
        return new Batch(ids, images, labels);
    }

    private IEnumerable<Batch> Prefetched(IEnumerable<int[]> batches, SeededRandom random)
    {
        using var queue = new BlockingCollection<Batch>(Options.Prefetch);
        using var stop = new CancellationTokenSource();
        Exception? failure = null;
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var ids in batches)
                {
                    var batch = Load(ids, random);
                    try
                    {
                        queue.Add(batch, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        batch.Dispose();
                        return;
                    }
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                yield return batch;
            }
            if (failure is not null)
            {
                throw new InvalidOperationException($"loading a batch of '{Dataset.Name}' failed: {failure.Message}", failure);
            }
        }
        finally
        {
            stop.Cancel();
            producer.Wait();
            while (queue.TryTake(out var left))
            {
                left.Dispose();
            }
        }
    }
}
