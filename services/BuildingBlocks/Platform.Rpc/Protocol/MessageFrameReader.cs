using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;

namespace Platform.Rpc.Protocol;

/// <summary>
/// Reads length-prefixed messages (1-byte compressed flag, 4-byte big-endian length, payload) from a
/// <see cref="PipeReader"/> and parses them straight from the pipe's buffers.
/// </summary>
internal static class MessageFrameReader
{
    public const int HeaderSize = 5;

    /// <summary>
    /// Reads the next message, or returns null at a clean end of stream. Violations throw
    /// <see cref="RpcException"/>: RESOURCE_EXHAUSTED over <paramref name="maxSize"/>, INTERNAL for a bad
    /// flag, a truncated frame or bytes that do not parse as <typeparamref name="T"/>.
    /// </summary>
    public static async ValueTask<T?> ReadAsync<T>(PipeReader reader, MessageParser<T> parser, int maxSize, bool gzipEncoded, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var consumed = buffer.Start;
            try
            {
                if (TryReadFrame(buffer, maxSize, out var compressed, out var payload))
                {
                    consumed = payload.End;
                    return Parse(parser, payload, compressed, gzipEncoded, maxSize);
                }

                if (result.IsCanceled)
                {
                    throw new OperationCanceledException("Reading the message stream was canceled.");
                }

                if (result.IsCompleted)
                {
                    if (buffer.IsEmpty)
                    {
                        return null;
                    }

                    throw new RpcException(StatusCode.Internal, $"Incomplete message: the stream ended {buffer.Length} bytes into a frame.");
                }
            }
            finally
            {
                reader.AdvanceTo(consumed, buffer.End);
            }
        }
    }

    /// <summary>Finds a whole frame at the start of <paramref name="buffer"/>; checks the flag and size from the prefix alone.</summary>
    public static bool TryReadFrame(ReadOnlySequence<byte> buffer, int maxSize, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        if (header[0] > 1)
        {
            throw new RpcException(StatusCode.Internal, $"Malformed message frame: compressed flag is {header[0]}, expected 0 or 1.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Received message exceeds the maximum configured message size ({length} > {maxSize} bytes).");
        }

        if (buffer.Length < HeaderSize + length)
        {
            return false;
        }

        compressed = header[0] == 1;
        payload = buffer.Slice(HeaderSize, length);
        return true;
    }

    private static T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload, bool compressed, bool gzipEncoded, int maxSize)
        where T : class, IMessage<T>
    {
        try
        {
            if (!compressed)
            {
                return parser.ParseFrom(payload);
            }

            if (!gzipEncoded)
            {
                throw new RpcException(StatusCode.Internal, "A message is marked compressed but the call did not declare a grpc-encoding.");
            }

            return parser.ParseFrom(GzipCompression.Decompress(payload, maxSize));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Failed to deserialize a {typeof(T).Name} message: {e.Message}"), null, e);
        }
    }
}
