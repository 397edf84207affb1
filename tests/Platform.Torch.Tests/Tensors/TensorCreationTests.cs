using FluentAssertions;
using Xunit;

namespace Platform.Torch.Tests.Tensors;

public class TensorCreationTests
{
    [Fact]
    public void FromArrayKeepsValuesShapeAndDtype()
    {
        using var t = Tensor.From(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        t.Shape.Should().Equal(2, 3);
        t.DType.Should().Be(ScalarType.Float32);
        t.Device.Should().Be(Device.Cpu);
        t.ToArray<float>().Should().Equal(1, 2, 3, 4, 5, 6);
    }

    [Fact]
    public void EveryElementTypeRoundTripsThroughItsDotNetType()
    {
        Tensor.From(new double[] { 1.5, -2 }).ToArray<double>().Should().Equal(1.5, -2);
        Tensor.From(new long[] { long.MaxValue, -1 }).ToArray<long>().Should().Equal(long.MaxValue, -1);
        Tensor.From(new int[] { 7, -8 }).ToArray<int>().Should().Equal(7, -8);
        Tensor.From(new byte[] { 0, 255 }).ToArray<byte>().Should().Equal(0, 255);
        Tensor.From(new bool[] { true, false }).ToArray<bool>().Should().Equal(true, false);
        Tensor.From(new Half[] { (Half)0.5, (Half)(-2) }).ToArray<Half>().Should().Equal((Half)0.5, (Half)(-2));
    }

    [Fact]
    public void ConvertsToBFloat16AndBackWithBFloat16Rounding()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Tensor.From(new float[] { 1f, 3.14159f }).To(ScalarType.BFloat16);
        t.DType.Should().Be(ScalarType.BFloat16);
        t.To(ScalarType.Float32).ToArray<float>().Should().Equal(1f, 3.140625f);
    }

    [Fact]
    public void FactoriesFillAsRequested()
    {
        using var scope = Torch.NewDisposeScope();
        Tensor.Zeros([2, 2]).ToArray<float>().Should().AllBeEquivalentTo(0f);
        Tensor.Ones([3], ScalarType.Int64).ToArray<long>().Should().Equal(1, 1, 1);
        Tensor.Full([2], 2.5, ScalarType.Float64).ToArray<double>().Should().Equal(2.5, 2.5);
        Tensor.Arange(5).ToArray<long>().Should().Equal(0, 1, 2, 3, 4);
        Tensor.Arange(0, 1, 0.25, ScalarType.Float32).ToArray<float>().Should().Equal(0f, 0.25f, 0.5f, 0.75f);
        Tensor.Zeros([2, 3], requiresGrad: true).RequiresGrad.Should().BeTrue();
    }

    [Fact]
    public void SeededGeneratorsReproduceAndDiffer()
    {
        using var scope = Torch.NewDisposeScope();
        using var g1 = new Generator(7);
        using var g2 = new Generator(7);
        var a = Tensor.Randn([100], g1).ToArray<float>();
        Tensor.Randn([100], g2).ToArray<float>().Should().Equal(a);
        Tensor.Randn([100], g1).ToArray<float>().Should().NotEqual(a);
        g1.ManualSeed(7);
        Tensor.Randn([100], g1).ToArray<float>().Should().Equal(a);
    }

    [Fact]
    public void RandomFactoriesRespectTheirRanges()
    {
        using var scope = Torch.NewDisposeScope();
        using var g = new Generator(1);
        var u = Tensor.Rand([1000], g);
        u.Min().Item<float>().Should().BeGreaterThanOrEqualTo(0f);
        u.Max().Item<float>().Should().BeLessThan(1f);
        var n = Tensor.Randn([20000], g);
        n.Mean().Item<double>().Should().BeApproximately(0, 0.05);
        n.Std().Item<double>().Should().BeApproximately(1, 0.05);
        var r = Tensor.RandInt(3, 7, [1000], g).ToArray<long>();
        r.Should().OnlyContain(v => v >= 3 && v < 7);
        r.Distinct().Should().HaveCount(4);
        Tensor.RandPerm(10, g).ToArray<long>().Order().Should().Equal(Enumerable.Range(0, 10).Select(i => (long)i));
    }

    [Fact]
    public void ManualSeedMakesTheDefaultGeneratorRepeat()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(123);
        var a = Tensor.Rand([5]).ToArray<float>();
        Torch.ManualSeed(123);
        Tensor.Rand([5]).ToArray<float>().Should().Equal(a);
    }

    [Fact]
    public void ItemReadsOneElementInTheRequestedType()
    {
        using var scope = Torch.NewDisposeScope();
        Tensor.Scalar(2.5f).Item<float>().Should().Be(2.5f);
        Tensor.Scalar(2.5f).Item<double>().Should().Be(2.5);
        Tensor.From(new long[] { 42 }).Item<long>().Should().Be(42);
        Tensor.From(new bool[] { true }).Item<bool>().Should().BeTrue();
    }

    [Fact]
    public void ToStringShowsShapeDtypeDeviceAndValues()
    {
        using var t = Tensor.From(new float[] { 1, 2 });
        var text = t.ToString();
        text.Should().StartWith("Tensor[2] Float32 cpu");
        text.Should().Contain("1").And.Contain("2");
    }

    [Fact]
    public void ThreadCountCanBeSetAndRead()
    {
        var before = Torch.NumThreads;
        Torch.SetNumThreads(2);
        Torch.NumThreads.Should().Be(2);
        Torch.SetNumThreads(before);
        Torch.Version.Should().MatchRegex(@"^\d+\.\d+");
    }

    [Fact]
    public void DeviceParsingFollowsLibtorch()
    {
        Device.Parse("cpu").Should().Be(Device.Cpu);
        Device.Parse("cuda:1").Should().Be(Device.Cuda(1));
        Device.Cuda(0).ToString().Should().Be("cuda:0");
    }

    [Fact]
    public void MallocTuningAcceptsTheRecommendedThresholdsAndRejectsNegativeOnes()
    {
        Torch.TuneMallocForTensors();
        var negative = () => Torch.TuneMallocForTensors(mmapThresholdBytes: -1);
        negative.Should().Throw<ArgumentOutOfRangeException>();
    }
}
