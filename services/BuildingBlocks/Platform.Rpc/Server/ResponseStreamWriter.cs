using Google.Protobuf;

namespace Platform.Rpc.Server;

/// <summary>
/// Writes a handler's response stream. Each message is written at once and flushed as soon as the
/// handler is not ready with the next one (or 32 KB are pending), so a ping-pong peer always sees every
/// message while a fast producer still gets batched writes.
/// </summary>
internal static class ResponseStreamWriter
{
    public static async Task WriteAllAsync<T>(ServerCall call, IAsyncEnumerable<T> responses)
        where T : class, IMessage<T>
    {
        var enumerator = responses.GetAsyncEnumerator(call.CancellationToken);
        try
        {
            var next = enumerator.MoveNextAsync();
            while (await next.ConfigureAwait(false))
            {
                await call.WriteMessageAsync(enumerator.Current ?? throw new RpcException(StatusCode.Internal, "The handler produced a null response message."), flush: false).ConfigureAwait(false);
                next = enumerator.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    await FlushWhilePendingAsync(call, next).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Flushes while the producer works on its next item; never leaves that item's task unobserved.</summary>
    private static async Task FlushWhilePendingAsync(ServerCall call, ValueTask<bool> pending)
    {
        try
        {
            await call.FlushAsync().ConfigureAwait(false);
        }
        catch
        {
            // An enumerator must not be disposed while MoveNextAsync is running: let it finish first
            // (the call's token is canceled when the flush failed because the client left).
            try
            {
                await pending.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or RpcException)
            {
                // The flush failure is the error to report.
            }

            throw;
        }
    }
}
