using System.Buffers.Binary;
using System.IO.Compression;

namespace Platform.Vision.Datasets;

/// <summary>
/// Reads the IDX format of MNIST and Fashion-MNIST (uint8 images idx3, uint8 labels idx1),
/// plain or gzip-compressed (detected by content, not by name).
/// </summary>
public static class IdxReader
{
    private const int ImagesMagic = 0x00000803;
    private const int LabelsMagic = 0x00000801;

    /// <summary>Reads an image file and a label file into one dataset.</summary>
    /// <exception cref="InvalidDataException">Wrong magic number, truncated file or count mismatch.</exception>
    public static ImageDataset ReadDataset(string name, string imagesPath, string labelsPath, int numClasses = 10)
    {
        var (pixels, count, rows, cols) = ReadImages(imagesPath);
        var labels = ReadLabels(labelsPath);
        if (labels.Length != count)
        {
            throw new InvalidDataException($"'{imagesPath}' holds {count} images but '{labelsPath}' holds {labels.Length} labels; use files of the same split");
        }
        return new ImageDataset(name, pixels, labels, 1, rows, cols, numClasses);
    }

    /// <summary>Reads an idx3 uint8 image file: pixels (N·rows·cols bytes), N, rows, cols.</summary>
    public static (byte[] Pixels, int Count, int Rows, int Cols) ReadImages(string path)
    {
        var data = ReadAll(path);
        var header = Header(path, data, ImagesMagic, 16, "image (idx3)");
        var rows = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(8));
        var cols = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(12));
        var expected = (long)header * rows * cols;
        CheckLength(path, data, 16, expected, $"{header} images of {rows}x{cols}");
        return (data.AsSpan(16, (int)expected).ToArray(), header, rows, cols);
    }

    /// <summary>Reads an idx1 uint8 label file.</summary>
    public static int[] ReadLabels(string path)
    {
        var data = ReadAll(path);
        var count = Header(path, data, LabelsMagic, 8, "label (idx1)");
        CheckLength(path, data, 8, count, $"{count} labels");
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = data[8 + i];
        }
        return labels;
    }

    private static int Header(string path, byte[] data, int magic, int headerSize, string kind)
    {
        var actual = data.Length >= 4 ? BinaryPrimitives.ReadInt32BigEndian(data) : magic;
        if (actual != magic)
        {
            throw new InvalidDataException($"'{path}' is not an IDX {kind} file: magic number 0x{actual:x8}, expected 0x{magic:x8} (check that images and labels are not swapped)");
        }
        if (data.Length < headerSize)
        {
            throw new InvalidDataException($"'{path}' is truncated: {data.Length} bytes is shorter than the {headerSize}-byte IDX {kind} header");
        }
        return BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4));
    }

    private static void CheckLength(string path, byte[] data, int offset, long expected, string what)
    {
        if (data.Length - offset < expected)
        {
            throw new InvalidDataException($"'{path}' is truncated: its header announces {what} ({expected} bytes) but only {data.Length - offset} bytes follow; download the file again");
        }
    }

    private static byte[] ReadAll(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX file '{path}' does not exist", path);
        }
        var raw = File.ReadAllBytes(path);
        if (raw.Length < 2 || raw[0] != 0x1f || raw[1] != 0x8b)
        {
            return raw;
        }
        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{path}' is a damaged or truncated gzip file ({e.Message}); download it again", e);
        }
    }
}
