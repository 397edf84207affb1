using FluentAssertions;
using Platform.Vision.Data;
using Platform.Vision.Datasets;
using Platform.Vision.Transforms;

namespace Platform.Vision.Tests.Data;

public class DataLoaderTests
{
    private static List<int[]> Epoch(DataLoader loader, int epoch)
    {
        var result = new List<int[]>();
        foreach (var batch in loader.Epoch(epoch))
        {
            using (batch)
            {
                result.Add(batch.Indices);
            }
        }
        return result;
    }

    [Fact]
    public void SameSeedGivesTheSameOrderAndOtherSeedsOrEpochsAnother()
    {
        var data = TestData.FashionTest;
        var a = Epoch(new DataLoader(data, new DataLoaderOptions { BatchSize = 1000, Shuffle = true, Seed = 42 }), 0);
        var b = Epoch(new DataLoader(data, new DataLoaderOptions { BatchSize = 1000, Shuffle = true, Seed = 42, Prefetch = 0 }), 0);
        var otherSeed = Epoch(new DataLoader(data, new DataLoaderOptions { BatchSize = 1000, Shuffle = true, Seed = 43 }), 0);
        var otherEpoch = Epoch(new DataLoader(data, new DataLoaderOptions { BatchSize = 1000, Shuffle = true, Seed = 42 }), 1);
        a.SelectMany(x => x).Should().Equal(b.SelectMany(x => x));
        a.SelectMany(x => x).Should().NotEqual(otherSeed.SelectMany(x => x));
        a.SelectMany(x => x).Should().NotEqual(otherEpoch.SelectMany(x => x));
        a.SelectMany(x => x).Should().NotBeInAscendingOrder();
    }

    [Fact]
    public void AnEpochCoversEveryIndexOnceAndBatchesCarryTheirLabels()
    {
        var data = TestData.FashionTest;
        var loader = new DataLoader(data, new DataLoaderOptions { BatchSize = 384, Shuffle = true, Seed = 7 });
        loader.BatchCount.Should().Be(27);
        var seen = new List<int>();
        var sizes = new List<int>();
        foreach (var batch in loader.Epoch(3))
        {
            using (batch)
            {
                batch.Images.Shape.Should().Equal(batch.Count, 1, 28, 28);
                batch.Labels.ToArray<long>().Should().Equal(batch.Indices.Select(i => (long)data.Labels[i]));
                seen.AddRange(batch.Indices);
                sizes.Add(batch.Count);
            }
        }
        seen.Should().HaveCount(10000).And.OnlyHaveUniqueItems();
        sizes.Should().Equal([.. Enumerable.Repeat(384, 26), 10000 - 26 * 384]);
    }

    [Fact]
    public void DropLastAndIndexSubsetsShapeTheEpoch()
    {
        var subset = Enumerable.Range(0, 1000).Select(i => i * 7).ToArray();
        var loader = new DataLoader(TestData.FashionTest, new DataLoaderOptions { BatchSize = 128, DropLast = true, Indices = subset });
        var batches = Epoch(loader, 0);
        batches.Should().HaveCount(7).And.OnlyContain(b => b.Length == 128);
        batches.SelectMany(b => b).Should().Equal(subset.Take(7 * 128), "without shuffling the subset order is kept");
    }

    [Fact]
    public void StoppingEarlyReleasesThePrefetchAndLoadingAgainWorks()
    {
        var loader = new DataLoader(TestData.FashionTest, new DataLoaderOptions { BatchSize = 64, Shuffle = true, Seed = 1, Prefetch = 3 });
        var first = loader.Epoch(0).First();
        first.Dispose();
        first.Images.IsDisposed.Should().BeTrue();
        Epoch(loader, 0)[0].Should().Equal(first.Indices);
    }

    [Fact]
    public void RandomTransformsAreReproducibleForASeed()
    {
        var options = new DataLoaderOptions { BatchSize = 32, Shuffle = true, Seed = 9, Indices = [.. Enumerable.Range(0, 64)], Transform = new Compose(new RandomCrop(28, 4), new RandomHorizontalFlip()) };
        float[] Run()
        {
            using var batch = new DataLoader(TestData.FashionTest, options).Epoch(0).First();
            return batch.Images.ToArray<float>();
        }
        var first = Run();
        first.Should().Equal(Run());
        using var plain = TestData.FashionTest.GetImages(new DataLoader(TestData.FashionTest, options).Order(0).Take(32).ToArray());
        first.Should().NotEqual(plain.ToArray<float>(), "crop and flip changed the images");
    }

    [Fact]
    public void IndicesOutsideTheDatasetAreRejectedUpFront()
    {
        var act = () => new DataLoader(TestData.FashionTest, new DataLoaderOptions { Indices = [0, 10000] });
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*index 10000 is outside dataset 'fashion-mnist/test'*");
    }
}
