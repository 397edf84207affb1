using Google.Protobuf;

namespace Platform.Rpc.Server;

/// <summary>One request in, a stream of responses out.</summary>
internal sealed class ServerStreamingServerMethod<TService, TRequest, TResponse>(
    RpcMethod<TRequest, TResponse> method,
    Func<TService, TRequest, CallContext, IAsyncEnumerable<TResponse>> handler) : ServerMethod<TService>
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
        var request = await call.ReadSingleMessageAsync(method.RequestParser).ConfigureAwait(false);
        await ResponseStreamWriter.WriteAllAsync(call, handler(service, request, call.Context)).ConfigureAwait(false);
    }
}
