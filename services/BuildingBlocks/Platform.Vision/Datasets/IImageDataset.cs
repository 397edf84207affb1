using Platform.Torch;

namespace Platform.Vision.Datasets;

/// <summary>
/// A labelled image classification dataset of fixed-size images. Images come back as float32
/// [N, C, H, W] in [0, 1] (torchvision's ToTensor scaling), labels as int64 [N].
/// </summary>
public interface IImageDataset
{
    /// <summary>Name for messages and artifacts (e.g. "fashion-mnist/train").</summary>
    string Name { get; }
    /// <summary>Number of samples.</summary>
    int Count { get; }
    /// <summary>Image channels.</summary>
    int Channels { get; }
    /// <summary>Image height in pixels.</summary>
    int Height { get; }
    /// <summary>Image width in pixels.</summary>
    int Width { get; }
    /// <summary>Number of classes (labels are 0..NumClasses-1).</summary>
    int NumClasses { get; }
    /// <summary>Label of every sample, by index (shared; do not modify).</summary>
    int[] Labels { get; }

    /// <summary>The images at <paramref name="indices"/> as a new float32 [n, C, H, W] tensor owned by the caller.</summary>
    Tensor GetImages(ReadOnlySpan<int> indices);
}
