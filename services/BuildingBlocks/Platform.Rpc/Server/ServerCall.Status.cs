using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Platform.Rpc.Protocol;

namespace Platform.Rpc.Server;

/// <summary>Response headers, the status, and deadline handling of a <see cref="ServerCall"/>.</summary>
internal sealed partial class ServerCall
{
    private void WriteResponseHeaders()
    {
        var response = _http.Response;
        response.ContentType = GrpcHeaders.ContentType;
        response.Headers[GrpcHeaders.AcceptEncoding] = GrpcHeaders.SupportedEncodings;
        if (_responseCompression is not null)
        {
            response.Headers[GrpcHeaders.Encoding] = GrpcHeaders.Gzip;
        }

        MetadataHeaders.WriteTo(Context.ResponseHeaders, response.Headers);
    }

    /// <summary>Writes the status once; the caller holds the write lock.</summary>
    private void WriteStatus(Status status, Metadata? extraTrailers)
    {
        if (_statusSent || _finished)
        {
            return;
        }

        _statusSent = true;
        var response = _http.Response;

        // Tracked ourselves: Response.HasStarted stays false while written frames are still buffered.
        if (!_messageWritten && !response.HasStarted)
        {
            // Trailers-Only: status and metadata in the only HEADERS frame, which ends the stream.
            response.ContentType = GrpcHeaders.ContentType;
            MetadataHeaders.WriteTo(Context.ResponseHeaders, response.Headers);
            WriteStatusFields(response.Headers, status, extraTrailers);
            return;
        }

        var trailers = _http.Features.Get<IHttpResponseTrailersFeature>()?.Trailers
            ?? throw new InvalidOperationException("The server does not support response trailers, which gRPC needs (HTTP/2 is required).");
        WriteStatusFields(trailers, status, extraTrailers);
    }

    private void WriteStatusFields(IHeaderDictionary headers, Status status, Metadata? extraTrailers)
    {
        headers[GrpcHeaders.Status] = ((int)status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            headers[GrpcHeaders.Message] = PercentEncoding.Encode(status.Detail);
        }

        MetadataHeaders.WriteTo(Context.ResponseTrailers, headers);
        if (extraTrailers is not null && !ReferenceEquals(extraTrailers, Context.ResponseTrailers))
        {
            MetadataHeaders.WriteTo(extraTrailers, headers);
        }
    }

    private void OnDeadline() => _deadlineTask = DeadlineExceededAsync();

    /// <summary>Cancels the handler and answers DEADLINE_EXCEEDED at once, even if the handler ignores its token.</summary>
    private async Task DeadlineExceededAsync()
    {
        _deadlineExceeded = true;
        LogDeadlineExceeded(_logger, Method);
        try
        {
            // Before taking the lock: a write blocked on flow control holds it until this token fires.
            _cts.Cancel();
        }
        catch (AggregateException e)
        {
            LogDeadlineCompletionFailed(_logger, Method, e);
        }

        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_statusSent || _finished)
            {
                return;
            }

            WriteStatus(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), null);
            await _http.Response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The stream is unusable (e.g. the client went away meanwhile); reset it rather than leave it open.
            LogDeadlineCompletionFailed(_logger, Method, e);
            _http.Abort();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    [LoggerMessage(1, LogLevel.Debug, "Invalid grpc-timeout '{Timeout}' on {Method}; the call runs without a deadline.")]
    private static partial void LogInvalidTimeout(ILogger logger, string timeout, string method);

    [LoggerMessage(2, LogLevel.Debug, "Call {Method} was canceled by the client.")]
    private static partial void LogClientCanceled(ILogger logger, string method);

    [LoggerMessage(3, LogLevel.Information, "Call {Method} ended with {StatusCode}: {Detail}")]
    private static partial void LogRpcError(ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(4, LogLevel.Error, "Handler of {Method} threw; the client gets UNKNOWN.")]
    private static partial void LogHandlerException(ILogger logger, string method, Exception exception);

    [LoggerMessage(5, LogLevel.Debug, "Deadline of {Method} exceeded; the handler's token is canceled.")]
    private static partial void LogDeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(6, LogLevel.Debug, "Completing {Method} after its deadline failed; the stream is reset.")]
    private static partial void LogDeadlineCompletionFailed(ILogger logger, string method, Exception exception);
}
