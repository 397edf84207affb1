using FluentAssertions;
using Platform.Torch.Jit;
using Xunit;

namespace Platform.Torch.Tests.Jit;

public class ScriptModuleTests
{
    [Fact]
    public void TorchScriptModelFromPythonRunsForwardAndBackwardLikePyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var fx = Platform.Torch.Serialization.SafeTensors.Load(TestSupport.FixturePath("tiny_mlp.safetensors"));
        using var model = ScriptModule.Load(TestSupport.FixturePath("tiny_mlp.pt")).Eval();
        var parameters = model.NamedParameters();
        parameters.Select(p => p.Name).Should().Equal("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias");
        parameters[0].Parameter.ShouldBeClose(fx["fc1.weight"], 0, 0);

        var x = fx["x"].Clone().RequiresGrad_();
        var y = model.Forward(x);
        y.ShouldBeClose(fx["y"]);
        Platform.Torch.Autograd.Grad(y.Square().Sum(), x).ShouldBeClose(fx["input_grad"]);
    }

    [Fact]
    public void MissingTorchScriptFileIsReportedWithItsPath()
    {
        var act = () => ScriptModule.Load("/nonexistent/model.pt");
        act.Should().Throw<FileNotFoundException>().WithMessage("*/nonexistent/model.pt*");
    }

    [Fact]
    public void CorruptTorchScriptFileSurfacesLibtorchsError()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not a zip archive");
        var act = () => ScriptModule.Load(path);
        act.Should().Throw<TorchException>();
        File.Delete(path);
    }
}
