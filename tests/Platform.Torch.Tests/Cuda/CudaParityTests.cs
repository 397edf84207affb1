using FluentAssertions;
using Platform.Torch.Nn;
using Platform.Torch.Tests.Parity;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Torch.Tests.Cuda;

/// <summary>GPU checks; on CPU-only hosts each test logs that it skipped and returns.</summary>
public class CudaParityTests(ITestOutputHelper output)
{
    private bool NoCuda()
    {
        if (Torch.CudaIsAvailable)
        {
            return false;
        }
        output.WriteLine("SKIPPED: CUDA is not available (CPU-only libtorch or no GPU)");
        return true;
    }

    [Fact]
    public void InputHessianVectorProductOnCudaMatchesPyTorch()
    {
        if (NoCuda())
        {
            return;
        }
        using var scope = Torch.NewDisposeScope();
        var cuda = Device.Cuda(0);
        var fx = TestSupport.LoadFixture("cnn_parity.safetensors");
        using var model = CnnParityTests.SmallCnn();
        model.LoadStateDict(fx.Where(kv => kv.Key.StartsWith("init.", StringComparison.Ordinal)).ToDictionary(kv => kv.Key[5..], kv => kv.Value));
        model.To(cuda);
        model.Forward(fx["x"].To(cuda));
        model.Eval();
        var x = fx["x"].To(cuda).RequiresGrad_();
        var loss = Functional.CrossEntropy(model.Forward(x), fx["y"].To(cuda), Reduction.None);
        var gx = Platform.Torch.Autograd.Grad(loss.Sum(), x, createGraph: true);
        var hvp = Platform.Torch.Autograd.Grad((gx * fx["v"].To(cuda)).Sum(), x);
        Torch.CudaSynchronize();
        hvp.Device.Should().Be(cuda);
        hvp.To(Device.Cpu).ShouldBeClose(fx["input_hvp"], atol: 1e-5, rtol: 1e-3);
    }

    [Fact]
    public void OutOfRangeLabelOnCudaIsRejectedBeforeTheKernel()
    {
        if (NoCuda())
        {
            return;
        }
        using var scope = Torch.NewDisposeScope();
        var logits = Tensor.Zeros([2, 3], device: Device.Cuda(0));
        var labels = Tensor.From(new long[] { 0, 3 }, Device.Cuda(0));
        var act = () => Functional.CrossEntropy(logits, labels);
        act.Should().Throw<TorchException>().WithMessage("*out of bounds*");
        Tensor.Ones([4], device: Device.Cuda(0)).Sum().Item<float>().Should().Be(4, "the CUDA context is still usable");
    }
}
