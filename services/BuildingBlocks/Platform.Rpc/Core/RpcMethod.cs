using Google.Protobuf;

namespace Platform.Rpc;

/// <summary>Describes one rpc: its shape, names and message parsers. Generated per method by Platform.Rpc.Generators.</summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class RpcMethod<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    /// <summary>Creates a method descriptor.</summary>
    public RpcMethod(MethodType type, string serviceName, string name, MessageParser<TRequest> requestParser, MessageParser<TResponse> responseParser)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Type = type;
        ServiceName = serviceName;
        Name = name;
        FullName = "/" + serviceName + "/" + name;
        RequestParser = requestParser ?? throw new ArgumentNullException(nameof(requestParser));
        ResponseParser = responseParser ?? throw new ArgumentNullException(nameof(responseParser));
    }

    /// <summary>The shape of the rpc.</summary>
    public MethodType Type { get; }

    /// <summary>The full service name, e.g. <c>grpc.health.v1.Health</c>.</summary>
    public string ServiceName { get; }

    /// <summary>The rpc name, e.g. <c>Check</c>.</summary>
    public string Name { get; }

    /// <summary>The request path, <c>/{ServiceName}/{Name}</c>.</summary>
    public string FullName { get; }

    /// <summary>Parses request messages.</summary>
    public MessageParser<TRequest> RequestParser { get; }

    /// <summary>Parses response messages.</summary>
    public MessageParser<TResponse> ResponseParser { get; }

    /// <inheritdoc/>
    public override string ToString() => FullName;
}
