using Google.Protobuf;

namespace Platform.Rpc.Server;

/// <summary>Collects the handlers of one service: one per rpc, typed by the rpc's shape.</summary>
/// <typeparam name="TService">The type that implements the rpcs.</typeparam>
public sealed class RpcServiceBuilder<TService>
    where TService : class
{
    private readonly List<ServerMethod<TService>> _methods = [];

    internal IReadOnlyList<ServerMethod<TService>> Methods => _methods;

    /// <summary>Adds a unary rpc.</summary>
    public RpcServiceBuilder<TService> AddUnary<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, Func<TService, TRequest, CallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => Add(method, MethodType.Unary, new UnaryServerMethod<TService, TRequest, TResponse>(method, handler));

    /// <summary>Adds a server-streaming rpc.</summary>
    public RpcServiceBuilder<TService> AddServerStreaming<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, Func<TService, TRequest, CallContext, IAsyncEnumerable<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => Add(method, MethodType.ServerStreaming, new ServerStreamingServerMethod<TService, TRequest, TResponse>(method, handler));

    /// <summary>Adds a client-streaming rpc.</summary>
    public RpcServiceBuilder<TService> AddClientStreaming<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, Func<TService, IAsyncEnumerable<TRequest>, CallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => Add(method, MethodType.ClientStreaming, new ClientStreamingServerMethod<TService, TRequest, TResponse>(method, handler));

    /// <summary>Adds a bidirectional-streaming rpc.</summary>
    public RpcServiceBuilder<TService> AddDuplexStreaming<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, Func<TService, IAsyncEnumerable<TRequest>, CallContext, IAsyncEnumerable<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => Add(method, MethodType.DuplexStreaming, new DuplexStreamingServerMethod<TService, TRequest, TResponse>(method, handler));

    private RpcServiceBuilder<TService> Add<TRequest, TResponse>(RpcMethod<TRequest, TResponse> method, MethodType expected, ServerMethod<TService> serverMethod)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        if (method.Type != expected)
        {
            throw new ArgumentException($"{method.FullName} is a {method.Type} rpc and cannot be bound as {expected}.", nameof(method));
        }

        if (_methods.Any(m => m.FullName == method.FullName))
        {
            throw new ArgumentException($"{method.FullName} is bound twice.", nameof(method));
        }

        _methods.Add(serverMethod);
        return this;
    }
}
