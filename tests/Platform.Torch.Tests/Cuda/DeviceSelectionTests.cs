using FluentAssertions;
using Platform.Torch.Nn;
using Xunit;

namespace Platform.Torch.Tests.Cuda;

/// <summary>Device choice from configuration and CUDA memory statistics, on whichever host runs the tests.</summary>
public class DeviceSelectionTests
{
    [Fact]
    public void AutoPicksCudaWhenAvailableElseCpu()
    {
        var expected = Torch.CudaIsAvailable ? Device.Cuda(0) : Device.Cpu;
        Device.Resolve("auto").Should().Be(expected);
        Device.Resolve(" AUTO ").Should().Be(expected);
        Device.Resolve(null).Should().Be(expected);
        Device.Resolve("cpu").Should().Be(Device.Cpu);
    }

    [Fact]
    public void UnavailableOrMalformedDevicesFailWithAnActionableMessage()
    {
        var bogus = () => Device.Resolve("tpu:0");
        bogus.Should().Throw<TorchException>();
        if (!Torch.CudaIsAvailable)
        {
            var cuda = () => Device.Resolve("cuda:0");
            cuda.Should().Throw<TorchException>().WithMessage("device 'cuda:0' requested but CUDA is not available*use 'cpu'*");
        }
        else
        {
            var beyond = () => Device.Resolve($"cuda:{Torch.CudaDeviceCount}");
            beyond.Should().Throw<TorchException>().WithMessage("*only * CUDA device(s) exist");
        }
    }

    [Fact]
    public void MemoryStatisticsTrackAllocationsOnCudaAndAreZeroWithoutIt()
    {
        if (!CudaMemory.IsAvailable)
        {
            CudaMemory.GetStats().Should().Be(new CudaMemoryStats(false, 0, 0, 0, 0));
            CudaMemory.ResetPeakStats();
            CudaMemory.EmptyCache();
            return;
        }
        CudaMemory.EmptyCache();
        CudaMemory.ResetPeakStats();
        var before = CudaMemory.GetStats();
        using (var big = Tensor.Zeros([64, 1024, 1024], device: Device.Cuda(0)))
        {
            Torch.CudaSynchronize();
            var during = CudaMemory.GetStats();
            (during.AllocatedBytes - before.AllocatedBytes).Should().Be(256L << 20);
            during.ReservedBytes.Should().BeGreaterThanOrEqualTo(during.AllocatedBytes);
        }
        var after = CudaMemory.GetStats();
        after.AllocatedBytes.Should().Be(before.AllocatedBytes);
        after.PeakAllocatedBytes.Should().BeGreaterThanOrEqualTo(before.AllocatedBytes + (256L << 20));
    }

    [Fact]
    public void KaimingNormalFanOutHasTorchvisionsStandardDeviation()
    {
        using var w = Tensor.Empty([256, 64, 3, 3]);
        Init.KaimingNormal_(w, fanOut: true, generator: new Generator(0));
        w.Std().Item<float>().Should().BeApproximately((float)Math.Sqrt(2.0 / (256 * 9)), 2e-4f);
        using var again = Tensor.Empty([256, 64, 3, 3]);
        Init.KaimingNormal_(again, fanOut: true, generator: new Generator(0));
        again.ToArray<float>().Should().Equal(w.ToArray<float>());
        var bad = () => Init.KaimingNormal_(w, nonlinearity: "selu");
        bad.Should().Throw<ArgumentException>().WithMessage("nonlinearity 'selu' is not supported*");
    }
}
