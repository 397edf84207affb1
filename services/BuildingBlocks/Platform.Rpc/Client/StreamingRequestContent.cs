using System.IO.Compression;
using System.IO.Pipelines;
using System.Net;
using Google.Protobuf;
using Platform.Rpc.Protocol;

namespace Platform.Rpc.Client;

/// <summary>
/// A request body produced from an <see cref="IAsyncEnumerable{T}"/> while the response is read (full duplex).
/// Each message is written at once and flushed as soon as the producer is not ready with the next one.
/// </summary>
internal sealed class StreamingRequestContent<T>(
    IAsyncEnumerable<T> requests,
    int maxSize,
    CompressionLevel? compression,
    CancellationToken cancellationToken,
    Action<Exception> onFailed) : HttpContent
    where T : class, IMessage<T>
{
    private const int FlushThreshold = 32 * 1024;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        var enumerator = requests.GetAsyncEnumerator(cancellationToken);
        var next = default(ValueTask<bool>);
        var nextAwaited = true;
        try
        {
            next = enumerator.MoveNextAsync();
            nextAwaited = false;
            while (await next.ConfigureAwait(false))
            {
                nextAwaited = true;
                var message = enumerator.Current ?? throw new RpcException(StatusCode.Internal, "The request stream produced a null message.");
                MessageFrameWriter.Write(writer, message, maxSize, compression);
                next = enumerator.MoveNextAsync();
                nextAwaited = false;
                if (!next.IsCompleted || writer.UnflushedBytes >= FlushThreshold)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            nextAwaited = true;
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            onFailed(e);
            throw;
        }
        finally
        {
            if (!nextAwaited)
            {
                // Never dispose an async iterator while its MoveNextAsync is still running.
                await DrainAsync(next).ConfigureAwait(false);
            }

            await enumerator.DisposeAsync().ConfigureAwait(false);
            await writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static async Task DrainAsync(ValueTask<bool> pending)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The failure that stopped the stream is the one reported.
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        SerializeToStreamAsync(stream, context);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
