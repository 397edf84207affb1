using Google.Protobuf;

namespace Platform.Rpc.Server;

/// <summary>A stream of requests in, one response out.</summary>
internal sealed class ClientStreamingServerMethod<TService, TRequest, TResponse>(
    RpcMethod<TRequest, TResponse> method,
    Func<TService, IAsyncEnumerable<TRequest>, CallContext, Task<TResponse>> handler) : ServerMethod<TService>
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
        var response = await handler(service, requests, call.Context).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.Internal, "The handler returned a null response message.");
        await call.WriteMessageAsync(response, flush: false).ConfigureAwait(false);
    }
}
