using Google.Protobuf;

namespace Platform.Rpc.Server;

/// <summary>Streams in both directions, read and written independently.</summary>
internal sealed class DuplexStreamingServerMethod<TService, TRequest, TResponse>(
    RpcMethod<TRequest, TResponse> method,
    Func<TService, IAsyncEnumerable<TRequest>, CallContext, IAsyncEnumerable<TResponse>> handler) : ServerMethod<TService>
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public override string FullName => method.FullName;

    public override string Name => method.Name;

    public override MethodType Type => method.Type;

    public override Type RequestType => typeof(TRequest);

    public override Type ResponseType => typeof(TResponse);

    public override async Task InvokeAsync(ServerCall call, TService service)
    {
        var requests = new ServerRequestStream<TRequest>(call, method.RequestParser);
        await ResponseStreamWriter.WriteAllAsync(call, handler(service, requests, call.Context)).ConfigureAwait(false);
    }
}
