using FluentAssertions;
using Platform.Torch.Nn;
using Platform.Torch.Optim;
using Xunit;

namespace Platform.Torch.Tests.Nn;

public class TrainingTests
{
    [Fact]
    public void SgdTrainsAnMlpToFullAccuracyOnASeparableProblem()
    {
        using var outer = Torch.NewDisposeScope();
        Torch.ManualSeed(1);
        using var gen = new Generator(2);
        // Two Gaussian blobs per class around ±2 on a random direction: linearly separable.
        var labels = Tensor.RandInt(0, 2, [512], gen);
        var direction = Tensor.Randn([1, 10], gen);
        direction = direction / direction.Norm();
        var x = Tensor.Randn([512, 10], gen) * 0.5 + (labels.To(ScalarType.Float32) * 4.0 - 2.0).Unsqueeze(1) * direction;

        using var model = new Sequential(new Linear(10, 16), new ReLU(), new Linear(16, 2));
        using var optimizer = new Sgd(model.Parameters(), 0.1, momentum: 0.9);
        for (var epoch = 0; epoch < 20; epoch++)
        {
            for (var start = 0; start < 512; start += 64)
            {
                using var step = Torch.NewDisposeScope();
                optimizer.ZeroGrad();
                var loss = Functional.CrossEntropy(model.Forward(x.Narrow(0, start, 64)), labels.Narrow(0, start, 64));
                loss.Backward();
                optimizer.Step();
            }
        }
        using var noGrad = Torch.NoGrad();
        var accuracy = model.Forward(x).ArgMax(1).Eq(labels).To(ScalarType.Float32).Mean().Item<double>();
        accuracy.Should().BeGreaterThanOrEqualTo(0.99);
    }
}
