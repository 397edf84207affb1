using System.Text.Json;
using FluentAssertions;
using Platform.Torch;
using Platform.Torch.Nn;
using Platform.Vision.Models;

namespace Platform.Vision.Tests.Models;

using Torch = Platform.Torch.Torch;

/// <summary>
/// Same seed → same weights → same outputs as the PyTorch restatement of each model in
/// tests/reference/generate_vision_fixtures.py, and the same parameter counts.
/// </summary>
public class ModelParityTests
{
    private static readonly Dictionary<string, long> Counts =
        JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(TestData.FixturePath("models.json")))!;

    public static TheoryData<string> Cases => new()
    {
        "mlp", "lenet5", "lenet5-32", "smallcnn", "smallcnn-gn", "resnet18-cifar", "resnet18-cifar-gn", "resnet18", "vgg11", "vgg16", "vgg16-gn",
    };

    private static Module Build(string name) => name switch
    {
        "mlp" => ModelZoo.Create("mlp", new ModelOptions(1, 10, 28)),
        "lenet5" => ModelZoo.Create("lenet5", new ModelOptions(1, 10, 28)),
        "lenet5-32" => ModelZoo.Create("lenet5", new ModelOptions(3, 10, 32)),
        "smallcnn" => ModelZoo.Create("smallcnn", new ModelOptions(1, 10, 28)),
        "smallcnn-gn" => ModelZoo.Create("smallcnn", new ModelOptions(1, 10, 28, NormKind.GroupNorm)),
        "resnet18-cifar" => ModelZoo.Create("resnet18-cifar", new ModelOptions(3, 10)),
        "resnet18-cifar-gn" => ModelZoo.Create("resnet18-cifar", new ModelOptions(3, 10, Norm: NormKind.GroupNorm)),
        "resnet18" => ModelZoo.Create("resnet18", new ModelOptions(3, 1000, 224)),
        "vgg11" => ModelZoo.Create("vgg11", new ModelOptions(3, 10)),
        "vgg16" => ModelZoo.Create("vgg16", new ModelOptions(3, 10)),
        "vgg16-gn" => ModelZoo.Create("vgg16", new ModelOptions(3, 10, Norm: NormKind.GroupNorm)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SameSeedGivesPyTorchsParameterCountAndOutputs(string name)
    {
        var fixture = TestData.LoadFixture("models.safetensors");
        Torch.ManualSeed(0);
        using var model = Build(name);
        ModelZoo.ParameterCount(model).Should().Be(Counts[name]);

        model.Eval();
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        var output = model.Forward(fixture[name + ".x"]);
        var expected = fixture[name + ".out"];
        output.Shape.Should().Equal(expected.Shape);
        var maxDiff = (output - expected).Abs().Max().Item<float>();
        var scale = expected.Abs().Max().Item<float>();
        maxDiff.Should().BeLessThanOrEqualTo(1e-5f + 1e-4f * scale, $"outputs of '{name}' (max |expected| {scale}) should match PyTorch's");
        foreach (var t in fixture.Values)
        {
            t.Dispose();
        }
    }

    [Fact]
    public void VggWithTorchvisionsImageNetHeadHasTorchvisionsParameterCount()
    {
        using var model = new Vgg(11, 3, 1000, NormKind.None, VggHead.ImageNet);
        ModelZoo.ParameterCount(model).Should().Be(Counts["vgg11-plain-imagenet"]).And.Be(132_863_336);
    }
}
