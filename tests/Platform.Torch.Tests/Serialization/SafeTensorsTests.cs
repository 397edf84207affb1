using System.Text.Json;
using FluentAssertions;
using Platform.Torch.Serialization;
using Xunit;

namespace Platform.Torch.Tests.Serialization;

public sealed class SafeTensorsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pt-safetensors-").FullName;

    private static Dictionary<string, Tensor> Sample() => new()
    {
        ["w"] = Tensor.From(new float[] { 1.5f, -2, 3, 0.25f, 5, 6 }, [2, 3]),
        ["ids"] = Tensor.From(new long[] { -(1L << 40), 7 }),
        ["mask"] = Tensor.From(new bool[] { true, false, true }),
        ["half"] = Tensor.From(new float[] { 1, -0.5f }).To(ScalarType.BFloat16),
        ["scalar"] = Tensor.Scalar(2.5f),
    };

    [Fact]
    public void RoundTripKeepsNamesDtypesShapesValuesAndMetadata()
    {
        using var scope = Torch.NewDisposeScope();
        var path = Path.Combine(_dir, "rt.safetensors");
        var written = Sample();
        SafeTensors.Save(path, written, new Dictionary<string, string> { ["format"] = "pt" });
        var read = SafeTensors.Load(path, out var metadata);
        metadata.Should().Equal(new Dictionary<string, string> { ["format"] = "pt" });
        read.Keys.Should().BeEquivalentTo(written.Keys);
        foreach (var (name, t) in written)
        {
            read[name].DType.Should().Be(t.DType);
            read[name].Shape.Should().Equal(t.Shape);
            read[name].Eq(t).All().Item<bool>().Should().BeTrue(name);
        }
        (BitConverter.ToUInt64(File.ReadAllBytes(path), 0) % 8).Should().Be(0UL, "the header is space-padded so the data is 8-byte aligned");
    }

    [Fact]
    public void ReadsAFileWrittenByPython()
    {
        using var scope = Torch.NewDisposeScope();
        var t = SafeTensors.Load(TestSupport.FixturePath("dtypes.safetensors"), out var metadata);
        metadata["writer"].Should().Be("python");
        t["f32"].ToArray<float>().Should().Equal(1.5f, -2.25f, 3f, 1e-3f);
        t["f64"].ToArray<double>().Should().Equal(Math.PI, -Math.E);
        t["bf16"].To(ScalarType.Float32).ToArray<float>().Should().Equal(1f, -0.5f, 3.140625f);
        t["f16"].ToArray<Half>().Should().Equal((Half)0.5, (Half)65504);
        t["i64"].ToArray<long>().Should().Equal(-(1L << 40), 7);
        t["i32"].Shape.Should().Equal(2, 1);
        t["i32"].ToArray<int>().Should().Equal(-3, 1 << 30);
        t["u8"].ToArray<byte>().Should().Equal(0, 255);
        t["bool"].ToArray<bool>().Should().Equal(true, false, true);
        t["scalar"].Shape.Should().BeEmpty();
        t["scalar"].Item<float>().Should().Be(2.5f);
    }

    [Fact]
    public void PythonReadsAFileWrittenInCSharp()
    {
        var python = TestSupport.DebianPython();
        if (python is null)
        {
            Console.WriteLine("SKIPPED PythonReadsAFileWrittenInCSharp: /usr/bin/python3 with torch (python3-torch) is not installed");
            return;
        }
        using var scope = Torch.NewDisposeScope();
        var path = Path.Combine(_dir, "to-python.safetensors");
        SafeTensors.Save(path, Sample(), new Dictionary<string, string> { ["writer"] = "csharp" });
        var script = Path.Combine(AppContext.BaseDirectory, "reference", "read_safetensors.py");
        var (code, output) = TestSupport.Run(python, $"\"{script}\" \"{path}\"");
        code.Should().Be(0, output);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("metadata").GetProperty("writer").GetString().Should().Be("csharp");
        var tensors = json.RootElement.GetProperty("tensors");
        Values(tensors, "w").Should().Equal(1.5, -2, 3, 0.25, 5, 6);
        tensors.GetProperty("w").GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).Should().Equal(2, 3);
        tensors.GetProperty("ids").GetProperty("dtype").GetString().Should().Be("int64");
        Values(tensors, "ids").Should().Equal(-(double)(1L << 40), 7);
        tensors.GetProperty("half").GetProperty("dtype").GetString().Should().Be("bfloat16");
        Values(tensors, "half").Should().Equal(1, -0.5);
        Values(tensors, "mask").Should().Equal(1, 0, 1);
        tensors.GetProperty("scalar").GetProperty("shape").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void CorruptHeaderIsReportedClearly()
    {
        var path = Path.Combine(_dir, "bad.safetensors");
        File.WriteAllBytes(path, [255, 255, 255, 255, 255, 255, 255, 255]);
        var act = () => SafeTensors.Load(path);
        act.Should().Throw<InvalidDataException>().WithMessage("*corrupt*");
    }

    private static double[] Values(JsonElement tensors, string name) =>
        tensors.GetProperty(name).GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
