using Platform.Torch;
using Platform.Vision.Data;

namespace Platform.Vision.Transforms;

/// <summary>A transform of a batch of images [N, C, H, W]; random choices come from <c>random</c> so a seed reproduces them.</summary>
public interface ITensorTransform
{
    /// <summary>Returns the transformed batch as a new tensor (the input is left unchanged).</summary>
    Tensor Apply(Tensor images, SeededRandom random);
}
