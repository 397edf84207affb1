using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Platform.Lab.Api.Training;

/// <summary>
/// Reads tensors of a safetensors file without libtorch (Lab has none): an 8-byte little-endian header length,
/// the JSON header (dtype, shape, data offsets per tensor), then the raw little-endian data.
/// </summary>
internal sealed class SafeTensorsFile
{
    private readonly byte[] bytes;
    private readonly Dictionary<string, (string DType, long[] Shape, long Begin, long End)> entries = [];
    private readonly int dataStart;

    public SafeTensorsFile(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        bytes = copy.ToArray();
        if (bytes.Length < 8)
            throw new InvalidDataException("not a safetensors file: shorter than its header length");
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        dataStart = 8 + headerLength;
        using var header = JsonDocument.Parse(bytes.AsMemory(8, headerLength));
        foreach (var p in header.RootElement.EnumerateObject().Where(p => p.Name != "__metadata__"))
        {
            var offsets = p.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            entries[p.Name] = (p.Value.GetProperty("dtype").GetString()!,
                p.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray(), offsets[0], offsets[1]);
        }
    }

    public bool Contains(string name) => entries.ContainsKey(name);

    public long[] Shape(string name) => Entry(name, null).Shape;

    public float[] Floats(string name) => MemoryMarshal.Cast<byte, float>(Data(name, "F32")).ToArray();

    public long[] Longs(string name) => MemoryMarshal.Cast<byte, long>(Data(name, "I64")).ToArray();

    public byte[] Bytes(string name) => Data(name, "U8").ToArray();

    private ReadOnlySpan<byte> Data(string name, string dtype)
    {
        var (_, _, begin, end) = Entry(name, dtype);
        return bytes.AsSpan(dataStart + (int)begin, (int)(end - begin));
    }

    private (string DType, long[] Shape, long Begin, long End) Entry(string name, string? dtype)
    {
        if (!entries.TryGetValue(name, out var entry))
            throw new InvalidDataException($"the file has no tensor '{name}'");
        if (dtype is not null && entry.DType != dtype)
            throw new InvalidDataException($"tensor '{name}' is {entry.DType}, expected {dtype}");
        return entry;
    }
}
