using Google.Protobuf;

namespace Platform.Rpc.Server;

/// <summary>One request in, one response out; the response frame leaves together with the trailers.</summary>
internal sealed class UnaryServerMethod<TService, TRequest, TResponse>(
    RpcMethod<TRequest, TResponse> method,
    Func<TService, TRequest, CallContext, Task<TResponse>> handler) : ServerMethod<TService>
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
        var response = await handler(service, request, call.Context).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.Internal, "The handler returned a null response message.");
        await call.WriteMessageAsync(response, flush: false).ConfigureAwait(false);
    }
}
