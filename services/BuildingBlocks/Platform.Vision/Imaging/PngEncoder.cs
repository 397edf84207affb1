using System.Buffers.Binary;
using System.IO.Compression;
using Platform.Torch;

namespace Platform.Vision.Imaging;

/// <summary>Encodes 8-bit grayscale or RGB images as PNG (for thumbnails), in pure C#.</summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes row-major pixels (interleaved R,G,B for <see cref="PngColor.Rgb"/>).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, PngColor color)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var channels = color == PngColor.Rgb ? 3 : 1;
        var stride = width * channels;
        if (pixels.Length != (long)stride * height)
        {
            throw new ArgumentException($"{pixels.Length} bytes do not hold a {width}x{height} {color} image ({(long)stride * height} bytes)", nameof(pixels));
        }
        using var output = new MemoryStream();
        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;
        header[9] = (byte)color;
        // compression 0, filter 0, interlace 0
        WriteChunk(output, "IHDR", header);
        WriteChunk(output, "IDAT", Compress(pixels, stride, height));
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>
    /// Encodes an image tensor [C, H, W] or [H, W] with C = 1 or 3: float values in [0, 1]
    /// (clamped) or uint8 values.
    /// </summary>
    public static byte[] Encode(Tensor image)
    {
        using var scope = Platform.Torch.Torch.NewDisposeScope();
        var x = image.Detach().To(Device.Cpu);
        if (x.Dim == 2)
        {
            x = x.Unsqueeze(0);
        }
        if (x.Dim != 3 || x.Size(0) is not (1 or 3))
        {
            throw new ArgumentException($"PNG needs an image [1|3, H, W] or [H, W], got [{string.Join(", ", image.Shape)}]", nameof(image));
        }
        if (x.DType != ScalarType.UInt8)
        {
            x = (x.To(ScalarType.Float32).Clamp(0, 1) * 255).Round().To(ScalarType.UInt8);
        }
        var (c, h, w) = ((int)x.Size(0), (int)x.Size(1), (int)x.Size(2));
        var hwc = x.Permute(1, 2, 0).Contiguous().ToArray<byte>();
        return Encode(hwc, w, h, c == 3 ? PngColor.Rgb : PngColor.Gray);
    }

    private static byte[] Compress(ReadOnlySpan<byte> pixels, int stride, int height)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                // Filter type 0 (None) per scanline: thumbnails are small, simplicity wins.
                zlib.WriteByte(0);
                zlib.Write(pixels.Slice(y * stride, stride));
            }
        }
        return buffer.ToArray();
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(typeBytes, data));
        output.Write(word);
    }
}
