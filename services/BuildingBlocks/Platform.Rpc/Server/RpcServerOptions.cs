using System.IO.Compression;

namespace Platform.Rpc.Server;

/// <summary>Options of the gRPC server, set with <c>services.AddRpc(options => ...)</c>.</summary>
public sealed class RpcServerOptions
{
    /// <summary>The default receive limit, as in other gRPC implementations: 4 MB.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>Largest request message accepted (after decompression); larger ones end the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = DefaultMaxReceiveMessageSize;

    /// <summary>Largest response message sent; a handler producing a larger one ends the call with RESOURCE_EXHAUSTED. Null: no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// Compression of response messages: null (none) or <c>"gzip"</c>, used only with clients whose
    /// <c>grpc-accept-encoding</c> lists it.
    /// </summary>
    public string? ResponseCompression { get; set; }

    /// <summary>The gzip level for compressed responses.</summary>
    public CompressionLevel ResponseCompressionLevel { get; set; } = CompressionLevel.Fastest;

    /// <summary>Include the exception message in the UNKNOWN status sent for unhandled handler exceptions (off: a fixed, safe message).</summary>
    public bool EnableDetailedErrors { get; set; }
}
