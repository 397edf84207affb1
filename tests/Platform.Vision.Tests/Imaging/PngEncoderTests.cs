using System.Buffers.Binary;
using System.IO.Compression;
using FluentAssertions;
using Platform.Torch;
using Platform.Vision.Imaging;

namespace Platform.Vision.Tests.Imaging;

public class PngEncoderTests
{
    [Theory]
    [InlineData(PngColor.Gray, "L")]
    [InlineData(PngColor.Rgb, "RGB")]
    public void PillowDecodesTheSamePixels(PngColor color, string mode)
    {
        var (w, h) = (7, 5);
        var channels = color == PngColor.Rgb ? 3 : 1;
        var pixels = Enumerable.Range(0, w * h * channels).Select(i => (byte)(i * 37 % 256)).ToArray();
        var path = TestData.TempFile(PngEncoder.Encode(pixels, w, h, color));
        var (code, output) = TestData.Run("/usr/bin/python3", "-c",
            "import sys; from PIL import Image; im = Image.open(sys.argv[1]); im.load(); print(im.mode, im.size[0], im.size[1], ','.join(map(str, im.tobytes())))", path);
        code.Should().Be(0, output);
        output.Trim().Should().Be($"{mode} {w} {h} {string.Join(',', pixels)}");
    }

    [Fact]
    public void ChunksHaveValidCrcsAndTheImageDataInflatesToFilteredRows()
    {
        var png = PngEncoder.Encode(new byte[] { 0, 128, 255, 7 }, 2, 2, PngColor.Gray);
        png.AsSpan(0, 8).ToArray().Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        var offset = 8;
        var types = new List<string>();
        byte[]? idat = null;
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            crc.Should().Be(ReferenceCrc(png.AsSpan(offset + 4, 4 + length)), $"CRC of {type}");
            if (type == "IDAT")
            {
                idat = png.AsSpan(offset + 8, length).ToArray();
            }
            types.Add(type);
            offset += 12 + length;
        }
        types.Should().Equal("IHDR", "IDAT", "IEND");
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(new MemoryStream(idat!), CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }
        inflated.ToArray().Should().Equal(0, 0, 128, 0, 255, 7);
    }

    [Fact]
    public void FloatTensorsAreScaledClampedAndChannelsInterleaved()
    {
        using var image = Tensor.From(new float[] { 0f, 1f, 0.5f, 2f, -1f, 0.2f }, [3, 1, 2]);
        var png = PngEncoder.Encode(image);
        var path = TestData.TempFile(png);
        var (code, output) = TestData.Run("/usr/bin/python3", "-c",
            "import sys; from PIL import Image; print(list(Image.open(sys.argv[1]).getdata()))", path);
        code.Should().Be(0, output);
        output.Trim().Should().Be("[(0, 128, 0), (255, 255, 51)]");
        var bad = () => PngEncoder.Encode(Tensor.Zeros([2, 4, 4]));
        bad.Should().Throw<ArgumentException>().WithMessage("PNG needs an image [1|3, H, W] or [H, W], got [2, 4, 4]*");
    }

    private static uint ReferenceCrc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
