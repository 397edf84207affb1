using Platform.Torch;
using Platform.Vision.Datasets;
using Platform.Vision.Transforms;
using Platform.Vision.Data;

namespace Platform.Benchmarks.Torch;

/// <summary>The first n Fashion-MNIST images of a split, normalised, as one tensor on the device (as bench_torch.py builds them).</summary>
internal static class BenchData
{
    public static (Tensor Images, Tensor Labels) Load(DatasetSplit split, int count, Device device)
    {
        var dataset = BuiltinDatasets.Load("fashion-mnist", split);
        var (mean, std) = BuiltinDatasets.Statistics("fashion-mnist");
        var (raw, labels) = dataset.GetRange(0, count);
        using (raw)
        using (labels)
        using (var normalized = new Normalize(mean, std).Apply(raw, new SeededRandom(0)))
        {
            return (normalized.To(device).DetachFromDisposeScope(), labels.To(device).DetachFromDisposeScope());
        }
    }
}
