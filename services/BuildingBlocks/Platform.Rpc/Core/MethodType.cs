namespace Platform.Rpc;

/// <summary>The four shapes of an rpc.</summary>
public enum MethodType
{
    /// <summary>One request, one response.</summary>
    Unary,

    /// <summary>A stream of requests, one response.</summary>
    ClientStreaming,

    /// <summary>One request, a stream of responses.</summary>
    ServerStreaming,

    /// <summary>Independent streams of requests and responses.</summary>
    DuplexStreaming,
}
