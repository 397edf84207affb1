namespace Platform.Rpc.Server;

/// <summary>One bound rpc: what it is, and how to run it against a service instance within a <see cref="ServerCall"/>.</summary>
internal abstract class ServerMethod<TService>
    where TService : class
{
    public abstract string FullName { get; }

    public abstract string Name { get; }

    public abstract MethodType Type { get; }

    public abstract Type RequestType { get; }

    public abstract Type ResponseType { get; }

    public bool IsClientStreaming => Type is MethodType.ClientStreaming or MethodType.DuplexStreaming;

    public bool IsServerStreaming => Type is MethodType.ServerStreaming or MethodType.DuplexStreaming;

    /// <summary>Reads the request(s), runs the handler and writes the response(s); the status is written by the caller.</summary>
    public abstract Task InvokeAsync(ServerCall call, TService service);
}
