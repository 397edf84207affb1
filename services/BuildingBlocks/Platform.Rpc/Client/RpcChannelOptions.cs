using System.IO.Compression;

namespace Platform.Rpc.Client;

/// <summary>Options of an <see cref="RpcChannel"/>.</summary>
public sealed class RpcChannelOptions
{
    /// <summary>Largest response message accepted (after decompression); larger ones fail the call with RESOURCE_EXHAUSTED. Default 4 MB.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest request message sent; larger ones fail the call with RESOURCE_EXHAUSTED before sending. Null: no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Compression of request messages: null (none) or <c>"gzip"</c>.</summary>
    public string? RequestCompression { get; set; }

    /// <summary>The gzip level for compressed requests.</summary>
    public CompressionLevel RequestCompressionLevel { get; set; } = CompressionLevel.Fastest;

    /// <summary>
    /// The HTTP handler to send with, e.g. a <see cref="System.Net.Http.SocketsHttpHandler"/> with custom TLS settings.
    /// Null: a SocketsHttpHandler with several HTTP/2 connections allowed and keep-alive pings.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Dispose <see cref="HttpHandler"/> with the channel (default true).</summary>
    public bool DisposeHttpHandler { get; set; } = true;

    /// <summary>
    /// Enforce deadlines with a local timer as well as sending <c>grpc-timeout</c> (default true). Turning it
    /// off leaves enforcement to the server, which is useful in tests of the server.
    /// </summary>
    public bool EnforceDeadlineLocally { get; set; } = true;
}
