using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;
using Platform.Rpc.Protocol;

namespace Platform.Rpc.Server;

/// <summary>
/// The server side of one call: validates the request, owns the handler's cancellation (deadline or
/// client disconnect), reads and writes frames, and sends the status exactly once, as trailers, or as
/// Trailers-Only when no message was written. Writes and the status are serialized by a lock because the
/// deadline timer may complete the response while the handler still runs.
/// </summary>
internal sealed partial class ServerCall : IAsyncDisposable
{
    private const int FlushThreshold = 32 * 1024;

    private readonly HttpContext _http;
    private readonly RpcServerOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _cts;
    private Timer? _deadlineTimer;
    private Task? _deadlineTask;
    private CompressionLevel? _responseCompression;
    private bool _requestGzip;
    private bool _messageWritten;
    private bool _statusSent;
    private bool _finished;
    private volatile bool _deadlineExceeded;
    private long _unflushedBytes;

    public ServerCall(HttpContext http, string method, RpcServerOptions options, ILogger logger)
    {
        _http = http;
        _options = options;
        _logger = logger;
        Method = method;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        Context = new CallContext(cancellationToken: _cts.Token) { HttpContext = http, Peer = FormatPeer(http) };
    }

    public string Method { get; }

    public CallContext Context { get; }

    public CancellationToken CancellationToken => _cts.Token;

    /// <summary>
    /// Checks protocol, content type, encoding and deadline. When the call cannot proceed it answers the
    /// request itself and returns false; the handler must then not run.
    /// </summary>
    public async Task<bool> TryStartAsync(bool clientStreaming)
    {
        var request = _http.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            await TrailersOnlyResponse.WriteAsync(_http, StatusCodes.Status426UpgradeRequired, StatusCode.Internal, $"Request protocol '{request.Protocol}' is not supported; gRPC needs HTTP/2.").ConfigureAwait(false);
            return false;
        }

        if (!GrpcHeaders.IsGrpcContentType(request.ContentType))
        {
            await TrailersOnlyResponse.WriteAsync(_http, StatusCodes.Status415UnsupportedMediaType, StatusCode.Internal, $"Content-Type '{request.ContentType}' is not supported; use '{GrpcHeaders.ContentType}'.").ConfigureAwait(false);
            return false;
        }

        var encoding = request.Headers[GrpcHeaders.Encoding].ToString();
        if (encoding.Length > 0 && encoding != GrpcHeaders.Identity && encoding != GrpcHeaders.Gzip)
        {
            _http.Response.Headers[GrpcHeaders.AcceptEncoding] = GrpcHeaders.SupportedEncodings;
            await TrailersOnlyResponse.WriteAsync(_http, StatusCodes.Status200OK, StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {GrpcHeaders.SupportedEncodings}").ConfigureAwait(false);
            return false;
        }

        _requestGzip = encoding == GrpcHeaders.Gzip;
        if (_options.ResponseCompression == GrpcHeaders.Gzip && GrpcHeaders.ListContains(request.Headers[GrpcHeaders.AcceptEncoding], GrpcHeaders.Gzip))
        {
            _responseCompression = _options.ResponseCompressionLevel;
        }

        // Our per-message limit replaces Kestrel's 30 MB per-request cap; a slow client stream must not
        // be cut by the minimum data rate (Kestrel would reset the whole connection).
        if (_http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxBody)
        {
            maxBody.MaxRequestBodySize = null;
        }

        if (clientStreaming && _http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRate)
        {
            minRate.MinDataRate = null;
        }

        MetadataHeaders.ReadFrom(request.Headers, Context.RequestHeaders);
        var timeoutHeader = request.Headers[GrpcHeaders.Timeout].ToString();
        if (timeoutHeader.Length > 0)
        {
            if (!GrpcTimeout.TryParse(timeoutHeader, out var timeout))
            {
                LogInvalidTimeout(_logger, timeoutHeader, Method);
            }
            else if (timeout <= TimeSpan.Zero)
            {
                await TrailersOnlyResponse.WriteAsync(_http, StatusCodes.Status200OK, StatusCode.DeadlineExceeded, "Deadline Exceeded").ConfigureAwait(false);
                return false;
            }
            else
            {
                Context.Deadline = DateTime.UtcNow + timeout;
                if (timeout.TotalMilliseconds < uint.MaxValue - 1)
                {
                    _deadlineTimer = new Timer(static s => ((ServerCall)s!).OnDeadline(), this, timeout, Timeout.InfiniteTimeSpan);
                }
            }
        }

        return true;
    }

    /// <summary>Reads the next request message; null at the end of the request stream.</summary>
    public ValueTask<T?> ReadMessageAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
        => MessageFrameReader.ReadAsync(_http.Request.BodyReader, parser, _options.MaxReceiveMessageSize, _requestGzip, _cts.Token);

    /// <summary>Reads the single request of a unary or server-streaming call.</summary>
    public async Task<T> ReadSingleMessageAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var message = await ReadMessageAsync(parser).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.Internal, "Request stream ended without a request message.");
        if (await ReadMessageAsync(parser).ConfigureAwait(false) is not null)
        {
            throw new RpcException(StatusCode.Internal, "Request stream has more than one message; this rpc takes one.");
        }

        return message;
    }

    /// <summary>Writes one response message (the first one sends the response headers) and optionally flushes.</summary>
    public async Task WriteMessageAsync(IMessage message, bool flush)
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_statusSent)
            {
                throw new OperationCanceledException("The call has already completed (deadline exceeded); the message was not sent.", _cts.Token);
            }

            if (!_messageWritten)
            {
                WriteResponseHeaders();
                _messageWritten = true;
            }

            var writer = _http.Response.BodyWriter;
            _unflushedBytes += MessageFrameWriter.Write(writer, message, _options.MaxSendMessageSize ?? int.MaxValue, _responseCompression);
            if (flush || _unflushedBytes >= FlushThreshold)
            {
                _unflushedBytes = 0;
                await writer.FlushAsync(_cts.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends pending response bytes to the client.</summary>
    public async Task FlushAsync()
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_statusSent && _unflushedBytes > 0)
            {
                _unflushedBytes = 0;
                await _http.Response.BodyWriter.FlushAsync(_cts.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends the final status (with <see cref="CallContext.ResponseTrailers"/>) unless one was sent already.</summary>
    public async Task CompleteAsync(Status status, Metadata? extraTrailers = null)
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            WriteStatus(status, extraTrailers);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Turns a handler failure into the call's status: its own for <see cref="RpcException"/>, UNKNOWN (logged) otherwise.</summary>
    public async Task FailAsync(Exception exception)
    {
        if (_deadlineExceeded)
        {
            await CompleteAsync(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded")).ConfigureAwait(false);
            return;
        }

        if (_http.RequestAborted.IsCancellationRequested)
        {
            // The client reset the stream; nothing can reach it any more.
            LogClientCanceled(_logger, Method);
            return;
        }

        if (exception is RpcException rpc)
        {
            LogRpcError(_logger, Method, rpc.StatusCode, rpc.Status.Detail);
            await CompleteAsync(rpc.Status, rpc.Trailers).ConfigureAwait(false);
            return;
        }

        LogHandlerException(_logger, Method, exception);
        var detail = _options.EnableDetailedErrors
            ? $"Exception was thrown by handler. {exception.GetType().Name}: {exception.Message}"
            : "Exception was thrown by handler.";
        await CompleteAsync(new Status(StatusCode.Unknown, detail)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_deadlineTimer is not null)
        {
            await _deadlineTimer.DisposeAsync().ConfigureAwait(false);
        }

        await _writeLock.WaitAsync().ConfigureAwait(false);
        _finished = true;
        _writeLock.Release();
        if (_deadlineTask is not null)
        {
            await _deadlineTask.ConfigureAwait(false);
        }

        _cts.Dispose();
    }

    private static string? FormatPeer(HttpContext http)
    {
        var connection = http.Connection;
        if (connection.RemoteIpAddress is null)
        {
            return null;
        }

        var family = connection.RemoteIpAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ipv6" : "ipv4";
        return $"{family}:{connection.RemoteIpAddress}:{connection.RemotePort}";
    }
}
