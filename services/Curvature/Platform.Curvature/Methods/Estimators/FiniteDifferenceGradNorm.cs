using Platform.Torch;
using Platform.Torch.Nn;

namespace Platform.Curvature.Methods.Estimators;

/// <summary>
/// <c>fd_gradnorm</c> (the released code's default, ≈ h·mean‖Hr‖) and <c>fd_gradnorm_sq</c> (the papers' tr H² form):
/// mean over n Rademacher r of ‖∇ₓℓ(x + h(r + 1e-7)) − ∇ₓℓ(x)‖₂ (squared for the second). Per-sample losses, so no
/// 1/B scaling and no inflated last batch.
/// </summary>
public sealed class FiniteDifferenceGradNorm(bool squared) : IInputCurvatureEstimator
{
    /// <inheritdoc />
    public string Name => squared ? "fd_gradnorm_sq" : "fd_gradnorm";

    /// <inheritdoc />
    public double[] Score(Module model, Tensor images, Tensor labels, IReadOnlyList<int> datasetIndices, EstimatorOptions options)
    {
        var n = (int)images.Shape[0];
        var sums = new double[n];
        using var scope = Torch.Torch.NewDisposeScope();
        var g0 = InputGradient(model, images, labels);
        for (var k = 0; k < options.Directions; k++)
        {
            using var step = Torch.Torch.NewDisposeScope();
            var r = RademacherDirections.For(datasetIndices, images.Shape[1..], options.Seed, k).To(images.Device);
            var g1 = InputGradient(model, images + (r + 1e-7) * options.Step, labels);
            var norm = (g1 - g0).Reshape(n, -1).To(ScalarType.Float64).Square().Sum(1);
            var values = (squared ? norm : norm.Sqrt()).To(Device.Cpu).ToArray<double>();
            for (var i = 0; i < n; i++) sums[i] += values[i];
        }
        return sums.Select(s => s / options.Directions).ToArray();
    }

    private static Tensor InputGradient(Module model, Tensor images, Tensor labels)
    {
        var x = images.Detach().RequiresGrad_();
        var loss = Functional.CrossEntropy(model.Forward(x), labels, Reduction.Sum);
        return Autograd.Grad(loss, x);
    }
}
