using System.IO.Compression;
using FluentAssertions;
using Platform.Vision.Datasets;

namespace Platform.Vision.Tests.Datasets;

public class IdxReaderTests
{
    [Fact]
    public void ReadsRealFashionMnistSplitsWithTheirKnownLabelsAndPixels()
    {
        var train = TestData.FashionTrain;
        var test = TestData.FashionTest;
        (train.Count, train.Channels, train.Height, train.Width, train.NumClasses).Should().Be((60000, 1, 28, 28, 10));
        test.Count.Should().Be(10000);
        train.Labels.Take(10).Should().Equal(9, 0, 0, 3, 0, 2, 7, 2, 5, 5);
        test.Labels.Take(10).Should().Equal(9, 2, 1, 1, 6, 1, 4, 6, 5, 7);
        train.GetPixels(0).ToArray().Sum(b => (long)b).Should().Be(76247);
        test.GetPixels(0).ToArray().Sum(b => (long)b).Should().Be(33456);
        train.Labels.GroupBy(l => l).Should().HaveCount(10).And.OnlyContain(g => g.Count() == 6000);
    }

    [Fact]
    public void ImagesComeBackAsFloatsScaledToUnitRange()
    {
        using var images = TestData.FashionTest.GetImages([0, 1]);
        images.Shape.Should().Equal(2, 1, 28, 28);
        var values = images.ToArray<float>();
        values.Take(784).Sum().Should().BeApproximately(33456 / 255f, 1e-2f);
        values.Should().OnlyContain(v => v >= 0 && v <= 1);
    }

    [Fact]
    public void PlainAndGzippedFilesReadAlike()
    {
        var raw = Idx(0x803, [2, 2, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        var plain = TestData.TempFile(raw);
        var gz = TestData.TempFile(Gzip(raw));
        IdxReader.ReadImages(gz).Should().BeEquivalentTo(IdxReader.ReadImages(plain));
        IdxReader.ReadImages(plain).Rows.Should().Be(2);
    }

    [Fact]
    public void WrongMagicNamesTheFileAndBothNumbers()
    {
        var labels = TestData.TempFile(Idx(0x801, [3], [1, 2, 3]));
        var act = () => IdxReader.ReadImages(labels);
        act.Should().Throw<InvalidDataException>()
            .WithMessage($"'{labels}' is not an IDX image (idx3) file: magic number 0x00000801, expected 0x00000803*swapped*");
    }

    [Fact]
    public void TruncatedFilesSayHowMuchIsMissing()
    {
        var shortImages = TestData.TempFile(Idx(0x803, [2, 28, 28], new byte[100]));
        var act = () => IdxReader.ReadImages(shortImages);
        act.Should().Throw<InvalidDataException>().WithMessage("*is truncated: its header announces 2 images of 28x28 (1568 bytes) but only 100 bytes follow*");

        var gz = Gzip(Idx(0x801, [1000], new byte[1000]));
        var cut = TestData.TempFile(gz[..(gz.Length / 2)]);
        var readCut = () => IdxReader.ReadLabels(cut);
        readCut.Should().Throw<InvalidDataException>().WithMessage("*truncated*");

        var header = TestData.TempFile([0, 0, 8]);
        var readHeader = () => IdxReader.ReadLabels(header);
        readHeader.Should().Throw<InvalidDataException>().WithMessage("*3 bytes is shorter than the 8-byte IDX label (idx1) header*");
    }

    [Fact]
    public void MismatchedImageAndLabelCountsAreRejected()
    {
        var images = TestData.TempFile(Idx(0x803, [2, 1, 1], [1, 2]));
        var labels = TestData.TempFile(Idx(0x801, [3], [0, 1, 2]));
        var act = () => IdxReader.ReadDataset("x", images, labels);
        act.Should().Throw<InvalidDataException>().WithMessage("*holds 2 images but*holds 3 labels*");
    }

    private static byte[] Idx(int magic, int[] dims, byte[] body)
    {
        var header = new List<byte>();
        foreach (var v in dims.Prepend(magic))
        {
            header.AddRange([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);
        }
        return [.. header, .. body];
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(data);
        }
        return output.ToArray();
    }
}
