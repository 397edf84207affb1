using System.Buffers;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Platform.Rpc.Protocol;

namespace Platform.Rpc.Client;

/// <summary>
/// The client side of one call: sends the request (headers, deadline, metadata, body), checks the response
/// headers, reads messages, and turns trailers (or a Trailers-Only response) into the status. Canceling or
/// disposing an unfinished call resets its HTTP/2 stream.
/// </summary>
internal sealed partial class ClientCall<TRequest, TResponse> : IAsyncDisposable
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new(GrpcHeaders.ContentType);

    private readonly RpcChannel _channel;
    private readonly RpcMethod<TRequest, TResponse> _method;
    private readonly CallContext _context;
    private readonly CancellationTokenSource _cts;
    private readonly CancellationToken _callerToken;
    private readonly CancellationToken _enumeratorToken;
    private Timer? _deadlineTimer;
    private HttpResponseMessage? _response;
    private PipeReader? _reader;
    private bool _responseGzip;
    private bool _finished;
    private volatile bool _deadlineExceeded;
    private Exception? _requestStreamError;

    public ClientCall(RpcChannel channel, RpcMethod<TRequest, TResponse> method, CallContext? context, CancellationToken enumeratorToken)
    {
        _channel = channel;
        _method = method;
        _context = context ?? new CallContext();
        _context.ResponseHeaders.Clear();
        _context.ResponseTrailers.Clear();
        _context.Status = null;
        _callerToken = _context.CancellationToken;
        _enumeratorToken = enumeratorToken;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(_callerToken, enumeratorToken);
    }

    internal CancellationToken CancellationToken => _cts.Token;

    private CompressionLevel? RequestCompression =>
        _channel.Options.RequestCompression == GrpcHeaders.Gzip ? _channel.Options.RequestCompressionLevel : null;

    private int MaxSendMessageSize => _channel.Options.MaxSendMessageSize ?? int.MaxValue;

    /// <summary>The single request, framed now so that a message over the limit fails before anything is sent.</summary>
    public HttpContent CreateContent(TRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var buffer = new ArrayBufferWriter<byte>(request.CalculateSize() + MessageFrameReader.HeaderSize);
        try
        {
            MessageFrameWriter.Write(buffer, request, MaxSendMessageSize, RequestCompression);
        }
        catch (RpcException e)
        {
            _context.Status = e.Status;
            throw;
        }

        return new ReadOnlyMemoryContent(buffer.WrittenMemory);
    }

    /// <summary>A request body that sends <paramref name="requests"/> as they are produced.</summary>
    public HttpContent CreateContent(IAsyncEnumerable<TRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return new StreamingRequestContent<TRequest>(requests, MaxSendMessageSize, RequestCompression, _cts.Token, OnRequestStreamFailed);
    }

    /// <summary>Sends the request and validates the response headers.</summary>
    public async Task StartAsync(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_channel.Address, _method.FullName.TrimStart('/')))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        content.Headers.ContentType = GrpcContentType;
        var headers = request.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        headers.TryAddWithoutValidation("user-agent", GrpcHeaders.UserAgent);
        headers.TryAddWithoutValidation(GrpcHeaders.AcceptEncoding, GrpcHeaders.SupportedEncodings);
        if (RequestCompression is not null)
        {
            headers.TryAddWithoutValidation(GrpcHeaders.Encoding, GrpcHeaders.Gzip);
        }

        if (_context.Deadline is { } deadline)
        {
            var remaining = deadline.ToUniversalTime() - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                request.Dispose();
                throw Fail(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
            }

            headers.TryAddWithoutValidation(GrpcHeaders.Timeout, GrpcTimeout.Format(remaining));
            if (_channel.Options.EnforceDeadlineLocally && remaining.TotalMilliseconds < uint.MaxValue - 1)
            {
                _deadlineTimer = new Timer(static s => ((ClientCall<TRequest, TResponse>)s!).OnDeadline(), this, remaining, Timeout.InfiniteTimeSpan);
            }
        }

        MetadataHeaders.WriteTo(_context.RequestHeaders, headers);
        try
        {
            _response = await _channel.Invoker.SendAsync(request, _cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Fail(MapException(e, "Error starting gRPC call"), e);
        }

        await ReadResponseHeadersAsync(_response).ConfigureAwait(false);
    }

    /// <summary>Reads the one response of a unary or client-streaming call, then its status.</summary>
    public async Task<TResponse> ReadSingleResponseAsync()
    {
        var message = await ReadMessageAsync().ConfigureAwait(false)
            ?? throw Fail(new Status(StatusCode.Internal, "Failed to deserialize response message: the server sent OK without a message."));
        if (await ReadMessageAsync().ConfigureAwait(false) is not null)
        {
            throw Fail(new Status(StatusCode.Internal, "The server sent more than one response message to a call that expects one."));
        }

        return message;
    }

    public async ValueTask DisposeAsync()
    {
        if (_deadlineTimer is not null)
        {
            await _deadlineTimer.DisposeAsync().ConfigureAwait(false);
        }

        if (!_finished)
        {
            // Resets the HTTP/2 stream (RST_STREAM CANCEL) and stops a request stream still being sent.
            await _cts.CancelAsync().ConfigureAwait(false);
        }

        if (_reader is not null)
        {
            await _reader.CompleteAsync().ConfigureAwait(false);
        }

        _response?.Dispose();
        _cts.Dispose();
    }

    private void OnDeadline()
    {
        if (_finished)
        {
            return;
        }

        _deadlineExceeded = true;
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call finished and was disposed just now.
        }
    }

    private void OnRequestStreamFailed(Exception exception)
    {
        _requestStreamError = exception;
        _cts.Cancel();
    }
}
