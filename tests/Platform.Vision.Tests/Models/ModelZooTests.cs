using FluentAssertions;
using Platform.Torch;
using Platform.Torch.Nn;
using Platform.Vision.Models;

namespace Platform.Vision.Tests.Models;

using Torch = Platform.Torch.Torch;

public class ModelZooTests
{
    [Fact]
    public void UnknownNameListsEveryKnownModel()
    {
        var act = () => ModelZoo.Create("resnet50");
        act.Should().Throw<ArgumentException>()
            .WithMessage("unknown model 'resnet50'; known models: mlp, lenet5, smallcnn, resnet18-cifar, resnet18, vgg11, vgg16*");
    }

    [Theory]
    [InlineData("mlp", 1, 28)]
    [InlineData("lenet5", 1, 28)]
    [InlineData("smallcnn", 1, 28)]
    [InlineData("resnet18-cifar", 1, 28)]
    [InlineData("resnet18-cifar", 3, 32)]
    [InlineData("vgg11", 3, 32)]
    public void EveryModelMapsABatchToOneLogitPerClass(string name, int channels, int size)
    {
        using var model = ModelZoo.Create(name, new ModelOptions(channels, 7, size));
        using var scope = Torch.NewDisposeScope();
        var logits = model.Forward(Tensor.Randn([3, channels, size, size], new Generator(5)));
        logits.Shape.Should().Equal(3, 7);
        logits.IsNan().Any().Item<bool>().Should().BeFalse();
    }

    [Fact]
    public void GroupNormVariantHasNoBatchNormAndNoRunningStatistics()
    {
        using var model = ModelZoo.Create("resnet18-cifar", new ModelOptions(3, 10, Norm: NormKind.GroupNorm));
        model.NamedModules().Select(m => m.Module).OfType<BatchNorm2d>().Should().BeEmpty();
        model.NamedModules().Select(m => m.Module).OfType<GroupNorm>().Should().HaveCount(1 + 8 * 2 + 3)
            .And.OnlyContain(g => g.NumGroups == 32);
        model.NamedBuffers().Should().BeEmpty("per-sample gradients for DP-SGD need batch-independent layers");
    }

    [Fact]
    public void ResNetUsesTorchvisionStateDictNames()
    {
        using var model = ModelZoo.Create("resnet18", new ModelOptions(3, 1000, 224));
        var names = model.NamedParameters().Select(p => p.Name).ToList();
        names.Should().StartWith(["conv1.weight", "bn1.weight", "bn1.bias", "layer1.0.conv1.weight"]);
        names.Should().Contain(["layer2.0.downsample.0.weight", "layer2.0.downsample.1.weight", "fc.weight", "fc.bias"]);
        names.Should().HaveCount(62);
    }

    [Fact]
    public void ImageSizeThatTheHeadCannotTakeIsRejectedWithTheReason()
    {
        var act = () => new SmallCnn(1, 10, 30);
        act.Should().Throw<ArgumentException>().WithMessage("*divisible by 4*30*");
        var lenet = () => new LeNet5(1, 10, 64);
        lenet.Should().Throw<ArgumentException>().WithMessage("*28x28 or 32x32*");
    }
}
