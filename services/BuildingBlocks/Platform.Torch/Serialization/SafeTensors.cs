using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Torch.Serialization;

/// <summary>
/// Reader and writer of the safetensors format (what Hugging Face's <c>safetensors</c> and
/// PyTorch users exchange): an 8-byte little-endian header length, a JSON header mapping
/// each name to dtype, shape and data_offsets (plus optional string "__metadata__"), then
/// the raw little-endian tensor bytes.
/// </summary>
public static class SafeTensors
{
    private const string MetadataKey = "__metadata__";
    private const long MaxHeaderBytes = 100_000_000;

    /// <summary>Writes <paramref name="tensors"/> (any device; copied to host) to <paramref name="path"/>.</summary>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var file = File.Create(path);
        Save(file, tensors, metadata);
    }

    /// <summary>Writes <paramref name="tensors"/> to <paramref name="stream"/>, in name order.</summary>
    public static void Save(Stream stream, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var names = tensors.Keys.Order(StringComparer.Ordinal).ToList();
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
        {
            var meta = new JsonObject();
            foreach (var (k, v) in metadata)
            {
                meta[k] = v;
            }
            header[MetadataKey] = meta;
        }
        long offset = 0;
        foreach (var name in names)
        {
            var t = tensors[name];
            var size = t.NumEl * t.DType.ElementSize();
            header[name] = new JsonObject
            {
                ["dtype"] = SafeTensorsDType.Name(t.DType),
                ["shape"] = new JsonArray(t.Shape.Select(s => (JsonNode)s).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + size),
            };
            offset += size;
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        // Pad with spaces so the data starts 8-byte aligned, as the reference writer does.
        var padded = (json.Length + 7) / 8 * 8;
        Span<byte> prefix = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)padded);
        stream.Write(prefix);
        stream.Write(json);
        for (var i = json.Length; i < padded; i++)
        {
            stream.WriteByte((byte)' ');
        }
        foreach (var name in names)
        {
            var t = tensors[name];
            var bytes = new byte[t.NumEl * t.DType.ElementSize()];
            t.CopyBytesTo(bytes);
            stream.Write(bytes);
        }
    }

    /// <summary>Reads every tensor of <paramref name="path"/> onto <paramref name="device"/>; the tensors join the current scope.</summary>
    public static Dictionary<string, Tensor> Load(string path, Device? device = null) => Load(path, out _, device);

    /// <summary>Reads every tensor and the "__metadata__" strings.</summary>
    public static Dictionary<string, Tensor> Load(string path, out Dictionary<string, string> metadata, Device? device = null)
    {
        using var file = File.OpenRead(path);
        return Load(file, out metadata, device);
    }

    /// <summary>Reads every tensor and the metadata from a seekable or forward-only stream.</summary>
    public static Dictionary<string, Tensor> Load(Stream stream, out Dictionary<string, string> metadata, Device? device = null)
    {
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > MaxHeaderBytes)
        {
            throw new InvalidDataException($"safetensors header claims {headerLength} bytes; the file is corrupt or not safetensors");
        }
        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        var header = JsonNode.Parse(headerBytes)?.AsObject() ?? throw new InvalidDataException("safetensors header is not a JSON object");
        metadata = [];
        var entries = new List<(string Name, ScalarType DType, long[] Shape, long Begin, long End)>();
        foreach (var (name, node) in header)
        {
            if (name == MetadataKey)
            {
                foreach (var (k, v) in node!.AsObject())
                {
                    metadata[k] = v!.GetValue<string>();
                }
                continue;
            }
            entries.Add(ParseEntry(name, node!.AsObject()));
        }
        var tensors = new Dictionary<string, Tensor>();
        long position = 0;
        foreach (var e in entries.OrderBy(e => e.Begin))
        {
            if (e.Begin < position)
            {
                throw new InvalidDataException($"tensor '{e.Name}' overlaps the previous one in the data section");
            }
            stream.ReadExactly(new byte[e.Begin - position]);
            var data = new byte[e.End - e.Begin];
            stream.ReadExactly(data);
            position = e.End;
            tensors[e.Name] = Tensor.FromBytes(data, e.Shape, e.DType, device);
        }
        return tensors;
    }

    private static (string, ScalarType, long[], long, long) ParseEntry(string name, JsonObject entry)
    {
        var dtype = SafeTensorsDType.Parse(entry["dtype"]?.GetValue<string>() ?? throw new InvalidDataException($"tensor '{name}' has no dtype"));
        var shape = entry["shape"]?.AsArray().Select(n => n!.GetValue<long>()).ToArray() ?? throw new InvalidDataException($"tensor '{name}' has no shape");
        var offsets = entry["data_offsets"]?.AsArray().Select(n => n!.GetValue<long>()).ToArray();
        if (offsets is not { Length: 2 } || offsets[0] < 0 || offsets[1] < offsets[0])
        {
            throw new InvalidDataException($"tensor '{name}' has invalid data_offsets");
        }
        var expected = shape.Aggregate(1L, (a, b) => a * b) * dtype.ElementSize();
        if (offsets[1] - offsets[0] != expected)
        {
            throw new InvalidDataException($"tensor '{name}' of shape [{string.Join(", ", shape)}] {dtype} needs {expected} bytes but data_offsets span {offsets[1] - offsets[0]}");
        }
        return (name, dtype, shape, offsets[0], offsets[1]);
    }
}
