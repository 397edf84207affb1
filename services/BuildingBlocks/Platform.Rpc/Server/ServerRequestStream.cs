using Google.Protobuf;

namespace Platform.Rpc.Server;

/// <summary>The request messages of a client- or bidi-streaming call, read from the request body as the handler asks for them.</summary>
internal sealed class ServerRequestStream<T>(ServerCall call, MessageParser<T> parser) : IAsyncEnumerable<T>
    where T : class, IMessage<T>
{
    private int _enumerated;

    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) == 1)
        {
            throw new InvalidOperationException("The request stream can be enumerated only once.");
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var message = await call.ReadMessageAsync(parser).ConfigureAwait(false);
            if (message is null)
            {
                yield break;
            }

            yield return message;
        }
    }
}
