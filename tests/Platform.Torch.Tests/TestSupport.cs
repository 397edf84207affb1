using FluentAssertions;
using Platform.Torch.Serialization;

namespace Platform.Torch.Tests;

/// <summary>Fixture loading and tensor comparisons shared by the tests.</summary>
internal static class TestSupport
{
    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Loads a fixture written by tests/reference/generate_fixtures.py (tensors owned by the caller).</summary>
    public static Dictionary<string, Tensor> LoadFixture(string name)
    {
        var tensors = SafeTensors.Load(FixturePath(name));
        foreach (var t in tensors.Values)
        {
            t.DetachFromDisposeScope();
        }
        return tensors;
    }

    public static void ShouldBeClose(this Tensor actual, Tensor expected, double atol = 1e-5, double rtol = 1e-4, string because = "")
    {
        actual.Shape.Should().Equal(expected.Shape, because);
        using var scope = Torch.NewDisposeScope();
        var a = actual.Detach().To(ScalarType.Float64);
        var e = expected.Detach().To(ScalarType.Float64);
        var maxDiff = (a - e).Abs().Max().Item<double>();
        a.AllClose(e, rtol, atol).Should().BeTrue($"max abs diff is {maxDiff} {because}");
    }

    public static string? DebianPython()
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            return null;
        }
        var (code, _) = Run(python, "-c \"import torch\"");
        return code == 0 ? python : null;
    }

    public static (int ExitCode, string Output) Run(string file, string arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, process.ExitCode == 0 ? output : output + error);
    }
}
