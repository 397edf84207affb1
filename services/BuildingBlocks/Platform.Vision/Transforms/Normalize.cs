using Platform.Torch;
using Platform.Vision.Data;

namespace Platform.Vision.Transforms;

/// <summary>(x − mean[c]) / std[c] per channel (torchvision's Normalize).</summary>
public sealed class Normalize : ITensorTransform
{
    /// <summary>One mean and one standard deviation per channel.</summary>
    public Normalize(IReadOnlyList<float> mean, IReadOnlyList<float> std)
    {
        if (mean.Count == 0 || mean.Count != std.Count)
        {
            throw new ArgumentException($"Normalize needs one mean and one std per channel, got {mean.Count} means and {std.Count} stds");
        }
        if (std.Any(s => s <= 0))
        {
            throw new ArgumentException("Normalize needs positive standard deviations", nameof(std));
        }
        Mean = [.. mean];
        Std = [.. std];
    }

    /// <summary>Per-channel means.</summary>
    public float[] Mean { get; }
    /// <summary>Per-channel standard deviations.</summary>
    public float[] Std { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor images, SeededRandom random)
    {
        if (images.Dim != 4 || images.Size(1) != Mean.Length)
        {
            throw new ArgumentException($"Normalize has {Mean.Length} channel(s) but the batch is [{string.Join(", ", images.Shape)}]; expected [N, {Mean.Length}, H, W]", nameof(images));
        }
        using var scope = Platform.Torch.Torch.NewDisposeScope();
        var shape = new long[] { 1, Mean.Length, 1, 1 };
        var mean = Tensor.From(Mean, shape, images.Device).To(images.DType);
        var std = Tensor.From(Std, shape, images.Device).To(images.DType);
        return ((images - mean) / std).MoveToOuterDisposeScope();
    }
}
