using Platform.Torch;
using Platform.Torch.Serialization;
using Platform.Vision.Datasets;

namespace Platform.Vision.Tests;

/// <summary>Fixtures, real Fashion-MNIST (loaded once) and temp files shared by the tests.</summary>
internal static class TestData
{
    private static readonly Lazy<ImageDataset> LazyTrain = new(() => BuiltinDatasets.Load("fashion-mnist", DatasetSplit.Train));
    private static readonly Lazy<ImageDataset> LazyTest = new(() => BuiltinDatasets.Load("fashion-mnist", DatasetSplit.Test));

    public static ImageDataset FashionTrain => LazyTrain.Value;
    public static ImageDataset FashionTest => LazyTest.Value;

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static Dictionary<string, Tensor> LoadFixture(string name)
    {
        var tensors = SafeTensors.Load(FixturePath(name));
        foreach (var t in tensors.Values)
        {
            t.DetachFromDisposeScope();
        }
        return tensors;
    }

    public static string TempFile(byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"platform-vision-{Guid.NewGuid():N}");
        File.WriteAllBytes(path, content);
        return path;
    }

    public static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var info = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error);
    }
}
