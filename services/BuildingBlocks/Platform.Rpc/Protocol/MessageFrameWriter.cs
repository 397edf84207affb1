using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;

namespace Platform.Rpc.Protocol;

/// <summary>Writes length-prefixed messages into an <see cref="IBufferWriter{T}"/>, serializing in place.</summary>
internal static class MessageFrameWriter
{
    /// <summary>
    /// Writes one frame. Over <paramref name="maxSize"/> throws RESOURCE_EXHAUSTED before anything is written.
    /// With a <paramref name="compression"/> level the payload is gzip-compressed (flag 1).
    /// Returns the number of bytes written, prefix included.
    /// </summary>
    public static int Write(IBufferWriter<byte> writer, IMessage message, int maxSize, CompressionLevel? compression)
    {
        var size = message.CalculateSize();
        if (size > maxSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Sending message exceeds the maximum configured message size ({size} > {maxSize} bytes).");
        }

        if (compression is null)
        {
            WriteHeader(writer, compressed: false, size);
            message.WriteTo(writer);
            return MessageFrameReader.HeaderSize + size;
        }

        var serialized = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
        try
        {
            message.WriteTo(serialized.AsSpan(0, size));
            var compressed = GzipCompression.Compress(serialized.AsSpan(0, size), compression.Value);
            WriteHeader(writer, compressed: true, compressed.Length);
            writer.Write(compressed);
            return MessageFrameReader.HeaderSize + compressed.Length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(serialized);
        }
    }

    private static void WriteHeader(IBufferWriter<byte> writer, bool compressed, int length)
    {
        var header = writer.GetSpan(MessageFrameReader.HeaderSize);
        header[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)length);
        writer.Advance(MessageFrameReader.HeaderSize);
    }
}
