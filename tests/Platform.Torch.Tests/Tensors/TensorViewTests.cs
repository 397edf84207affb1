using FluentAssertions;
using Xunit;

namespace Platform.Torch.Tests.Tensors;

public class TensorViewTests
{
    [Fact]
    public void ReshapePermuteAndTransposeRearrange()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.Arange(6).Reshape(2, 3);
        x.T.Contiguous().ToArray<long>().Should().Equal(0, 3, 1, 4, 2, 5);
        x.Reshape(3, -1).Shape.Should().Equal(3, 2);
        var y = Tensor.Arange(24).Reshape(2, 3, 4);
        y.Permute(2, 0, 1).Shape.Should().Equal(4, 2, 3);
        y.Transpose(0, 2).Shape.Should().Equal(4, 3, 2);
        y.Flatten(1).Shape.Should().Equal(2, 12);
        y.Unsqueeze(0).Shape.Should().Equal(1, 2, 3, 4);
        y.Unsqueeze(0).Squeeze(0).Shape.Should().Equal(2, 3, 4);
    }

    [Fact]
    public void ViewsShareStorageWithTheirBase()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.Zeros([2, 3]);
        x.Select(0, 1).Fill_(7);
        x.Narrow(1, 0, 1).Fill_(1);
        x.ToArray<float>().Should().Equal(1, 0, 0, 1, 7, 7);
    }

    [Fact]
    public void SlicingAndIndexingPickTheRightElements()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.Arange(10);
        x.Slice(0, 1, 9, 3).ToArray<long>().Should().Equal(1, 4, 7);
        x[3].Item<long>().Should().Be(3);
        x[Tensor.From(new long[] { 9, 0, 9 })].ToArray<long>().Should().Equal(9, 0, 9);
        x[x.Remainder(2).Eq(0)].ToArray<long>().Should().Equal(0, 2, 4, 6, 8);
        var m = Tensor.Arange(6).Reshape(3, 2);
        m.IndexSelect(0, Tensor.From(new long[] { 2, 0 })).ToArray<long>().Should().Equal(4, 5, 0, 1);
        m.MaskedFill(m.Gt(3), -1).ToArray<long>().Should().Equal(0, 1, 2, 3, -1, -1);
    }

    [Fact]
    public void CatAndStackJoinTensors()
    {
        using var scope = Torch.NewDisposeScope();
        var a = Tensor.From(new float[] { 1, 2 });
        var b = Tensor.From(new float[] { 3, 4 });
        Tensor.Cat([a, b]).ToArray<float>().Should().Equal(1, 2, 3, 4);
        var s = Tensor.Stack([a, b], 1);
        s.Shape.Should().Equal(2, 2);
        s.ToArray<float>().Should().Equal(1, 3, 2, 4);
    }

    [Fact]
    public void GatherAndScatterFollowTheirIndexRules()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.From(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        var idx = Tensor.From(new long[] { 2, 0 }, [2, 1]);
        x.Gather(1, idx).ToArray<float>().Should().Equal(3, 4);
        var z = Tensor.Zeros([2, 3]);
        z.Scatter(1, idx, Tensor.Ones([2, 1])).ToArray<float>().Should().Equal(0, 0, 1, 1, 0, 0);
        var sameIdx = Tensor.From(new long[] { 1, 1 }, [1, 2]);
        Tensor.Zeros([1, 3]).ScatterAdd(1, sameIdx, Tensor.Ones([1, 2])).ToArray<float>().Should().Equal(0, 2, 0);
        Tensor.From(new long[] { 0, 2 }).OneHot(3).ToArray<long>().Should().Equal(1, 0, 0, 0, 0, 1);
    }
}
