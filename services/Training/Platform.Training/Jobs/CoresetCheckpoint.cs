using System.Buffers.Binary;
using System.Text.Json;

namespace Platform.Training.Jobs;

/// <summary>
/// Where a coreset job is: the run it is on (0 = the source run, then one per method and seed), the trajectories it
/// selects from, the accuracies of the runs already finished, and the current trainer's state (if any).
/// Layout: int32 header length, UTF-8 JSON header, trainer checkpoint bytes.
/// </summary>
internal sealed record CoresetCheckpoint(int Run, string? TrajectoriesSha256, List<CoresetRunResult> Results)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public MemoryStream Write(Action<Stream>? trainerState)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(this, Json);
        var stream = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, header.Length);
        stream.Write(length);
        stream.Write(header);
        trainerState?.Invoke(stream);
        stream.Position = 0;
        return stream;
    }

    public static (CoresetCheckpoint Checkpoint, Stream? TrainerState) Read(Stream source)
    {
        var bytes = new MemoryStream();
        source.CopyTo(bytes);
        var all = bytes.ToArray();
        var length = BinaryPrimitives.ReadInt32LittleEndian(all);
        var checkpoint = JsonSerializer.Deserialize<CoresetCheckpoint>(all.AsSpan(4, length), Json)
            ?? throw new InvalidDataException("the coreset checkpoint has no header");
        var rest = 4 + length;
        return (checkpoint, all.Length > rest ? new MemoryStream(all, rest, all.Length - rest) : null);
    }
}

/// <summary>One finished model of a coreset job.</summary>
internal sealed record CoresetRunResult(string Method, int Seed, int Samples, double TestAccuracy);
