namespace Platform.Vision.Datasets;

/// <summary>
/// Resolves the datasets the platform knows by name to files on this host: Fashion-MNIST from
/// Debian's dataset-fashion-mnist (or PLATFORM_FASHION_MNIST_DIR), and MNIST, CIFAR-10 and
/// CIFAR-100 from folders named by PLATFORM_MNIST_DIR, PLATFORM_CIFAR10_DIR, PLATFORM_CIFAR100_DIR.
/// </summary>
public static class BuiltinDatasets
{
    /// <summary>Where Debian's dataset-fashion-mnist package installs the files.</summary>
    public const string DebianFashionMnistDir = "/usr/share/datasets/fashion-mnist";

    /// <summary>Every name <see cref="Load"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["fashion-mnist", "mnist", "cifar10", "cifar100"];

    /// <summary>Loads <paramref name="name"/>'s <paramref name="split"/>; the message says what to install or set when files are missing.</summary>
    public static ImageDataset Load(string name, DatasetSplit split) => name.Trim().ToLowerInvariant() switch
    {
        "fashion-mnist" or "fmnist" => LoadIdx("fashion-mnist", split, FashionMnistDirectory(),
            $"install it with 'apt-get install dataset-fashion-mnist' (files go to {DebianFashionMnistDir}) or set PLATFORM_FASHION_MNIST_DIR"),
        "mnist" => LoadIdx("mnist", split, RequiredDirectory("PLATFORM_MNIST_DIR", "mnist"),
            "set PLATFORM_MNIST_DIR to a folder with the four MNIST IDX files"),
        "cifar10" or "cifar-10" => CifarReader.ReadCifar10($"cifar10/{Split(split)}", CifarFiles("PLATFORM_CIFAR10_DIR", "cifar10",
            split == DatasetSplit.Train ? [.. Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin")] : ["test_batch.bin"])),
        "cifar100" or "cifar-100" => CifarReader.ReadCifar100($"cifar100/{Split(split)}", CifarFiles("PLATFORM_CIFAR100_DIR", "cifar100",
            [split == DatasetSplit.Train ? "train.bin" : "test.bin"])),
        _ => throw new ArgumentException($"unknown dataset '{name}'; known datasets: {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>Per-channel mean and standard deviation of the training split (for <c>Normalize</c>).</summary>
    public static (float[] Mean, float[] Std) Statistics(string name) => name.Trim().ToLowerInvariant() switch
    {
        "fashion-mnist" or "fmnist" => ([0.2860f], [0.3530f]),
        "mnist" => ([0.1307f], [0.3081f]),
        "cifar10" or "cifar-10" => ([0.4914f, 0.4822f, 0.4465f], [0.2470f, 0.2435f, 0.2616f]),
        "cifar100" or "cifar-100" => ([0.5071f, 0.4865f, 0.4409f], [0.2673f, 0.2564f, 0.2762f]),
        _ => throw new ArgumentException($"unknown dataset '{name}'; known datasets: {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>The Fashion-MNIST folder in use: PLATFORM_FASHION_MNIST_DIR, else Debian's.</summary>
    public static string FashionMnistDirectory() =>
        Environment.GetEnvironmentVariable("PLATFORM_FASHION_MNIST_DIR") is { Length: > 0 } dir ? dir : DebianFashionMnistDir;

    private static string Split(DatasetSplit split) => split == DatasetSplit.Train ? "train" : "test";

    private static ImageDataset LoadIdx(string name, DatasetSplit split, string dir, string remedy)
    {
        var prefix = split == DatasetSplit.Train ? "train" : "t10k";
        var images = Find(dir, $"{prefix}-images-idx3-ubyte");
        var labels = Find(dir, $"{prefix}-labels-idx1-ubyte");
        if (images is null || labels is null)
        {
            throw new FileNotFoundException($"{name} was not found: '{dir}' has no {prefix}-images-idx3-ubyte[.gz] and {prefix}-labels-idx1-ubyte[.gz]; {remedy}");
        }
        return IdxReader.ReadDataset($"{name}/{Split(split)}", images, labels);
    }

    private static string? Find(string dir, string stem) =>
        new[] { stem + ".gz", stem }.Select(f => Path.Combine(dir, f)).FirstOrDefault(File.Exists);

    private static string RequiredDirectory(string variable, string name) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } dir
            ? dir
            : throw new FileNotFoundException($"{name} has no default location on this host; set {variable} to the folder holding its files");

    private static IEnumerable<string> CifarFiles(string variable, string name, string[] files)
    {
        var dir = RequiredDirectory(variable, name);
        return files.Select(f => Path.Combine(dir, f));
    }
}
