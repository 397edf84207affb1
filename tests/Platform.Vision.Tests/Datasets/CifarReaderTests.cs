using FluentAssertions;
using Platform.Vision.Datasets;

namespace Platform.Vision.Tests.Datasets;

public class CifarReaderTests
{
    [Fact]
    public void ReadsCifar10RecordsAsPlanarRgbImages()
    {
        var file = TestData.TempFile([.. Record(7, 1), .. Record(3, 2)]);
        var dataset = CifarReader.ReadCifar10("c10", [file, file]);
        (dataset.Count, dataset.Channels, dataset.Height, dataset.Width, dataset.NumClasses).Should().Be((4, 3, 32, 32, 10));
        dataset.Labels.Should().Equal(7, 3, 7, 3);
        using var images = dataset.GetImages([1]);
        var values = images.ToArray<float>();
        values[0].Should().Be(2 / 255f, "red plane of record 2 starts with its seed value");
        values[1024].Should().Be(3 / 255f, "green plane follows the 1024 red bytes");
    }

    [Fact]
    public void ReadsCifar100FineOrCoarseLabels()
    {
        var file = TestData.TempFile([.. new byte[] { 4, 87 }, .. new byte[3072]]);
        CifarReader.ReadCifar100("c100", [file]).Labels.Should().Equal(87);
        CifarReader.ReadCifar100("c100", [file], coarseLabels: true).Labels.Should().Equal(4);
    }

    [Fact]
    public void FileOfTheWrongVariantOrTruncatedIsRejected()
    {
        var truncated = TestData.TempFile(Record(1, 1)[..3000]);
        var act = () => CifarReader.ReadCifar10("c10", [truncated]);
        act.Should().Throw<InvalidDataException>().WithMessage("*3000 bytes are not a multiple of the 3073-byte record*");
    }

    private static byte[] Record(byte label, byte seed)
    {
        var record = new byte[3073];
        record[0] = label;
        for (var plane = 0; plane < 3; plane++)
        {
            record[1 + plane * 1024] = (byte)(seed + plane);
        }
        return record;
    }
}
