using System.Buffers;
using System.IO.Compression;

namespace Platform.Rpc.Protocol;

/// <summary>gzip for message payloads (the only compression besides identity that gRPC peers commonly use).</summary>
internal static class GzipCompression
{
    /// <summary>Decompresses a payload, failing with RESOURCE_EXHAUSTED once it grows past <paramref name="maxSize"/>.</summary>
    public static byte[] Decompress(ReadOnlySequence<byte> payload, int maxSize)
    {
        using var input = new MemoryStream(payload.ToArray(), writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxSize)
                {
                    throw new RpcException(StatusCode.ResourceExhausted, $"Received message exceeds the maximum configured message size ({maxSize} bytes) after decompression.");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to decompress a gzip message: " + e.Message), null, e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return output.ToArray();
    }

    /// <summary>Compresses a serialized message.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> message, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            gzip.Write(message);
        }

        return output.ToArray();
    }
}
