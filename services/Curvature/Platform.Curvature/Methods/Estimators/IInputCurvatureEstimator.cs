using Platform.Torch;
using Platform.Torch.Nn;

namespace Platform.Curvature.Methods.Estimators;

/// <summary>
/// Scores each sample of a batch by the curvature of its own loss with respect to its input. Losses are
/// per-sample (never batch means), the model is in eval mode, and directions are drawn per sample, so a
/// sample's score is the same whatever batch it is scored in.
/// </summary>
public interface IInputCurvatureEstimator
{
    /// <summary>The estimator's name (<c>hutchinson_trace</c>, <c>fd_gradnorm</c>, <c>fd_gradnorm_sq</c>, <c>zo_mixed_abs</c>).</summary>
    string Name { get; }

    /// <summary>Scores of the samples of <paramref name="images"/> (normalized model inputs) with <paramref name="labels"/>.</summary>
    double[] Score(Module model, Tensor images, Tensor labels, IReadOnlyList<int> datasetIndices, EstimatorOptions options);
}
