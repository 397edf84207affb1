using FluentAssertions;
using Xunit;

namespace Platform.Torch.Tests.Memory;

/// <summary>Dispose scopes and grad mode are per thread, as workers run jobs on several threads.</summary>
public class ThreadIsolationTests
{
    [Fact]
    public void ScopesAndGradModeOfOneThreadDoNotAffectAnother()
    {
        using var ready = new Barrier(2);
        Tensor? createdOnOther = null;
        bool otherGradEnabled = false;
        var other = new Thread(() =>
        {
            ready.SignalAndWait(); // main thread has opened its scope and disabled grad
            otherGradEnabled = Torch.IsGradEnabled;
            createdOnOther = Tensor.Ones([2]);
            ready.SignalAndWait();
        });
        other.Start();
        using (Torch.NewDisposeScope())
        using (Torch.NoGrad())
        {
            ready.SignalAndWait();
            ready.SignalAndWait();
            Torch.IsGradEnabled.Should().BeFalse();
        }
        other.Join();
        otherGradEnabled.Should().BeTrue("grad mode is thread-local");
        createdOnOther!.IsDisposed.Should().BeFalse("the main thread's scope does not own the other thread's tensors");
        createdOnOther.ToArray<float>().Should().Equal(1, 1);
        createdOnOther.Dispose();
    }

    [Fact]
    public void DataThatDoesNotFitTheShapeIsRejectedWithBothSizes()
    {
        var act = () => Tensor.From(new float[] { 1, 2, 3 }, [2, 2]);
        act.Should().Throw<TorchException>().WithMessage("*12 bytes*[2, 2]*needs 16*");
    }
}
