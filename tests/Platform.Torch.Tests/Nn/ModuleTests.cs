using FluentAssertions;
using Platform.Torch.Nn;
using Platform.Torch.Serialization;
using Xunit;

namespace Platform.Torch.Tests.Nn;

public class ModuleTests
{
    [Fact]
    public void NamesFollowPyTorchsStateDictConvention()
    {
        using var scope = Torch.NewDisposeScope();
        using var model = new Sequential(new Conv2d(1, 2, 3), new BatchNorm2d(2), new Flatten(), new Linear(2, 1, bias: false));
        model.NamedParameters().Select(p => p.Name).Should().Equal("0.weight", "0.bias", "1.weight", "1.bias", "3.weight");
        model.NamedBuffers().Select(b => b.Name).Should().Equal("1.running_mean", "1.running_var", "1.num_batches_tracked");
        model.StateDict().Keys.Should().Equal("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked", "3.weight");
        model.NamedChildren().Select(c => c.Name).Should().Equal("0", "1", "2", "3");
        model.Parameters().Should().OnlyContain(p => p.RequiresGrad);
    }

    [Fact]
    public void LoadStateDictCopiesValuesAndRejectsMismatches()
    {
        using var scope = Torch.NewDisposeScope();
        using var a = new Linear(3, 2);
        using var b = new Linear(3, 2);
        var weight = b.Weight;
        b.LoadStateDict(a.StateDict());
        b.Weight.Should().BeSameAs(weight);
        b.Weight.Eq(a.Weight).All().Item<bool>().Should().BeTrue();

        var missing = () => b.LoadStateDict(new Dictionary<string, Tensor> { ["weight"] = a.Weight });
        missing.Should().Throw<ArgumentException>().WithMessage("*missing [bias]*");
        var wrongShape = () => b.LoadStateDict(new Dictionary<string, Tensor> { ["weight"] = Tensor.Zeros([3, 3]), ["bias"] = Tensor.Zeros([2]) });
        wrongShape.Should().Throw<ArgumentException>().WithMessage("*'weight' has shape [3, 3]*[2, 3]*");
    }

    [Fact]
    public void StateDictSurvivesASafeTensorsRoundTrip()
    {
        using var scope = Torch.NewDisposeScope();
        var path = Path.Combine(Path.GetTempPath(), $"pt-module-{Guid.NewGuid():N}.safetensors");
        using var a = new Sequential(new Linear(4, 3), new BatchNorm2d(3));
        using var b = new Sequential(new Linear(4, 3), new BatchNorm2d(3));
        SafeTensors.Save(path, a.StateDict());
        b.LoadStateDict(SafeTensors.Load(path));
        File.Delete(path);
        ((Linear)b[0]).Weight.Eq(((Linear)a[0]).Weight).All().Item<bool>().Should().BeTrue();
    }

    [Fact]
    public void TrainAndEvalSwitchDropoutAndPropagateToChildren()
    {
        using var scope = Torch.NewDisposeScope();
        using var model = new Sequential(new Dropout(0.5));
        var x = Tensor.Ones([1000]);
        var trained = model.Forward(x).ToArray<float>();
        trained.Should().OnlyContain(v => v == 0 || v == 2);
        trained.Count(v => v == 0).Should().BeInRange(400, 600);
        model.Eval();
        model[0].Training.Should().BeFalse();
        model.Forward(x).ToArray<float>().Should().AllBeEquivalentTo(1f);
    }

    [Fact]
    public void ForwardHooksSeeModuleInputAndOutputUntilRemoved()
    {
        using var scope = Torch.NewDisposeScope();
        using var model = new Sequential(new Linear(3, 4), new ReLU());
        var seen = new List<(Module, long[], long[])>();
        var hook = model[0].RegisterForwardHook((m, input, output) => seen.Add((m, input.Shape, output.Shape)));
        model.Forward(Tensor.Ones([2, 3]));
        seen.Should().ContainSingle();
        seen[0].Item1.Should().BeSameAs(model[0]);
        seen[0].Item2.Should().Equal(2, 3);
        seen[0].Item3.Should().Equal(2, 4);
        hook.Dispose();
        model.Forward(Tensor.Ones([2, 3]));
        seen.Should().ContainSingle();
    }

    [Fact]
    public void ToDtypeConvertsFloatingParametersAndKeepsIntegerBuffers()
    {
        using var scope = Torch.NewDisposeScope();
        using var model = new Sequential(new Linear(2, 2), new BatchNorm2d(2));
        var weight = ((Linear)model[0]).Weight;
        model.To(ScalarType.Float64);
        weight.DType.Should().Be(ScalarType.Float64, "the parameter object is kept and its data replaced");
        ((BatchNorm2d)model[1]).NumBatchesTracked!.DType.Should().Be(ScalarType.Int64);
        model[0].Forward(Tensor.Ones([1, 2], ScalarType.Float64)).DType.Should().Be(ScalarType.Float64);
    }

    [Fact]
    public void PoolingLayersProduceTheirDocumentedShapes()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.Arange(0, 16, 1, ScalarType.Float32).Reshape(1, 1, 4, 4);
        new MaxPool2d(2).Forward(x).ToArray<float>().Should().Equal(5, 7, 13, 15);
        new AvgPool2d(2).Forward(x).ToArray<float>().Should().Equal(2.5f, 4.5f, 10.5f, 12.5f);
        new AdaptiveAvgPool2d(1).Forward(x).Item<float>().Should().Be(7.5f);
        new Flatten().Forward(x).Shape.Should().Equal(1, 16);
        new GroupNorm(1, 1).Forward(x).Mean().Item<float>().Should().BeApproximately(0, 1e-6f);
    }
}
