namespace Platform.Vision.Datasets;

/// <summary>
/// Reads the binary CIFAR versions: CIFAR-10 records are 1 label byte + 3072 pixel bytes
/// (data_batch_1..5.bin, test_batch.bin); CIFAR-100 records are coarse + fine label bytes +
/// 3072 pixel bytes (train.bin, test.bin). Pixels are stored as R, G, B planes of 32×32.
/// </summary>
public static class CifarReader
{
    private const int ImageBytes = 3 * 32 * 32;

    /// <summary>Reads and concatenates CIFAR-10 batch files.</summary>
    public static ImageDataset ReadCifar10(string name, IEnumerable<string> files) => Read(name, files, labelBytes: 1, labelOffset: 0, numClasses: 10);

    /// <summary>Reads CIFAR-100 files with fine (100-class) or coarse (20-superclass) labels.</summary>
    public static ImageDataset ReadCifar100(string name, IEnumerable<string> files, bool coarseLabels = false) =>
        Read(name, files, labelBytes: 2, labelOffset: coarseLabels ? 0 : 1, numClasses: coarseLabels ? 20 : 100);

    private static ImageDataset Read(string name, IEnumerable<string> files, int labelBytes, int labelOffset, int numClasses)
    {
        var record = labelBytes + ImageBytes;
        var pixels = new List<byte[]>();
        var labels = new List<int>();
        foreach (var path in files)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"CIFAR file '{path}' does not exist (expected the binary version, e.g. cifar-10-batches-bin/)", path);
            }
            var data = File.ReadAllBytes(path);
            if (data.Length == 0 || data.Length % record != 0)
            {
                throw new InvalidDataException($"'{path}' is not a CIFAR binary file with {labelBytes}-byte labels: its {data.Length} bytes are not a multiple of the {record}-byte record (truncated, or CIFAR-10 vs CIFAR-100 mixed up)");
            }
            for (var offset = 0; offset < data.Length; offset += record)
            {
                var label = data[offset + labelOffset];
                if (label >= numClasses)
                {
                    throw new InvalidDataException($"'{path}': record {offset / record} has label {label}, outside 0..{numClasses - 1} (wrong CIFAR variant?)");
                }
                labels.Add(label);
                pixels.Add(data.AsSpan(offset + labelBytes, ImageBytes).ToArray());
            }
        }
        var all = new byte[(long)pixels.Count * ImageBytes];
        for (var i = 0; i < pixels.Count; i++)
        {
            pixels[i].CopyTo(all, (long)i * ImageBytes);
        }
        return new ImageDataset(name, all, [.. labels], 3, 32, 32, numClasses);
    }
}
