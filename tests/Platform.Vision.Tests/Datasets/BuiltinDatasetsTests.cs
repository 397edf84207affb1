using FluentAssertions;
using Platform.Torch;
using Platform.Vision.Datasets;

namespace Platform.Vision.Tests.Datasets;

public class BuiltinDatasetsTests
{
    [Fact]
    public void MissingFashionMnistSaysWhatToInstallOrSet()
    {
        var empty = Directory.CreateTempSubdirectory("fmnist-empty").FullName;
        Environment.SetEnvironmentVariable("PLATFORM_FASHION_MNIST_DIR", empty);
        try
        {
            var act = () => BuiltinDatasets.Load("fashion-mnist", DatasetSplit.Test);
            act.Should().Throw<FileNotFoundException>()
                .WithMessage($"fashion-mnist was not found: '{empty}' has no t10k-images-idx3-ubyte[.gz]*apt-get install dataset-fashion-mnist*PLATFORM_FASHION_MNIST_DIR*");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PLATFORM_FASHION_MNIST_DIR", null);
        }
        BuiltinDatasets.FashionMnistDirectory().Should().Be(BuiltinDatasets.DebianFashionMnistDir);
    }

    [Fact]
    public void EnvironmentFolderOverridesTheDebianOne()
    {
        var dir = Directory.CreateTempSubdirectory("fmnist-copy").FullName;
        foreach (var f in new[] { "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz" })
        {
            File.Copy(Path.Combine(BuiltinDatasets.DebianFashionMnistDir, f), Path.Combine(dir, f));
        }
        Environment.SetEnvironmentVariable("PLATFORM_FASHION_MNIST_DIR", dir);
        try
        {
            BuiltinDatasets.Load("fmnist", DatasetSplit.Test).Count.Should().Be(10000);
            var train = () => BuiltinDatasets.Load("fmnist", DatasetSplit.Train);
            train.Should().Throw<FileNotFoundException>().WithMessage($"*'{dir}' has no train-images*");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PLATFORM_FASHION_MNIST_DIR", null);
        }
    }

    [Fact]
    public void UnknownOrUnconfiguredDatasetsAreExplained()
    {
        var unknown = () => BuiltinDatasets.Load("imagenet", DatasetSplit.Train);
        unknown.Should().Throw<ArgumentException>().WithMessage("unknown dataset 'imagenet'; known datasets: fashion-mnist, mnist, cifar10, cifar100*");
        Environment.SetEnvironmentVariable("PLATFORM_CIFAR10_DIR", null);
        var cifar = () => BuiltinDatasets.Load("cifar10", DatasetSplit.Train);
        cifar.Should().Throw<FileNotFoundException>().WithMessage("*set PLATFORM_CIFAR10_DIR*");
    }

    [Fact]
    public void SubsetsAndTensorDatasetsServeTheSamplesTheyName()
    {
        var test = TestData.FashionTest;
        var subset = test.Subset([5, 0, 9999]);
        subset.Labels.Should().Equal(test.Labels[5], test.Labels[0], test.Labels[9999]);
        using var fromSubset = subset.GetImages([2, 0]);
        using var direct = test.GetImages([9999, 5]);
        fromSubset.ToArray<float>().Should().Equal(direct.ToArray<float>());

        using var inMemory = new TensorDataset("mem", direct, [test.Labels[9999], test.Labels[5]], 10);
        using var back = inMemory.GetImages([1]);
        back.ToArray<float>().Should().Equal(direct[1].ToArray<float>());
        using var labels = inMemory.GetLabels([1, 0]);
        labels.ToArray<long>().Should().Equal(test.Labels[5], test.Labels[9999]);

        var outside = () => test.Subset([10000]);
        outside.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*index 10000 is outside dataset 'fashion-mnist/test' of 10000 samples*");
        var badLabel = () => new TensorDataset("mem", Tensor.Zeros([1, 1, 2, 2]), [10], 10);
        badLabel.Should().Throw<ArgumentException>().WithMessage("*label 10 of sample 0 is outside 0..9*");
    }
}
