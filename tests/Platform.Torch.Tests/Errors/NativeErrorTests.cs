using FluentAssertions;
using Platform.Torch.Nn;
using Xunit;

namespace Platform.Torch.Tests.Errors;

public class NativeErrorTests
{
    [Fact]
    public void MatMulShapeMismatchThrowsLibtorchMessage()
    {
        using var scope = Torch.NewDisposeScope();
        var a = Tensor.Zeros([2, 3]);
        var b = Tensor.Zeros([4, 5]);
        var act = () => a.MatMul(b);
        act.Should().Throw<TorchException>().WithMessage("*cannot be multiplied*2x3*4x5*");
    }

    [Fact]
    public void ConvWithWrongChannelCountThrowsLibtorchMessage()
    {
        using var scope = Torch.NewDisposeScope();
        using var conv = new Conv2d(3, 4, 3);
        var act = () => conv.Forward(Tensor.Zeros([1, 1, 8, 8]));
        act.Should().Throw<TorchException>().WithMessage("*expected input*to have 3 channels, but got 1 channels*");
    }

    [Fact]
    public void BadDeviceStringThrowsLibtorchMessage()
    {
        var act = () => Device.Parse("gpu:0");
        act.Should().Throw<TorchException>().WithMessage("*Expected one of*device type at start of device string: gpu*");
    }

    [Fact]
    public void CrossEntropyLabelOutOfRangeThrowsLibtorchMessage()
    {
        using var scope = Torch.NewDisposeScope();
        var logits = Tensor.Zeros([2, 3]);
        var labels = Tensor.From(new long[] { 0, 5 });
        var act = () => Functional.CrossEntropy(logits, labels);
        act.Should().Throw<TorchException>().WithMessage("*Target 5 is out of bounds*");
    }

    [Fact]
    public void CudaRequestWithoutCudaThrowsActionableMessage()
    {
        if (Torch.CudaIsAvailable)
        {
            return; // the GPU path is exercised on CUDA hosts by the parity tests
        }
        var act = () => Tensor.Zeros([2], device: Device.Cuda(0));
        act.Should().Throw<TorchException>().WithMessage("*cuda:0*CUDA is not available*use 'cpu'*");
        var sync = () => Torch.CudaSynchronize();
        sync.Should().Throw<TorchException>();
    }

    [Fact]
    public void WrongByteCountOrElementTypeIsRejected()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Tensor.Zeros([2, 2]);
        var wrongType = () => t.ToArray<double>();
        wrongType.Should().Throw<InvalidOperationException>().WithMessage("*Float32*Double*");
        var wrongSize = () => t.CopyTo(new float[3].AsSpan());
        wrongSize.Should().Throw<TorchException>().WithMessage("*16 bytes*12*");
        var badReshape = () => t.Reshape(3, 2);
        badReshape.Should().Throw<TorchException>().WithMessage("*shape '[3, 2]' is invalid for input of size 4*");
    }

    [Fact]
    public void UsingADisposedTensorThrowsObjectDisposed()
    {
        var t = Tensor.Zeros([1]);
        t.Dispose();
        var act = () => t.Sum();
        act.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void BackwardOnTensorWithoutGradThrowsLibtorchMessage()
    {
        using var scope = Torch.NewDisposeScope();
        var act = () => Tensor.Ones([1]).Sum().Backward();
        act.Should().Throw<TorchException>().WithMessage("*does not require grad*");
    }
}
