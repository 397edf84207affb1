using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Platform.Rpc.Protocol;

namespace Platform.Rpc.Client;

/// <summary>Response handling of a <see cref="ClientCall{TRequest, TResponse}"/>.</summary>
internal sealed partial class ClientCall<TRequest, TResponse>
{
    /// <summary>Reads the next response message; null once the call ended with OK. A non-OK status throws.</summary>
    public async Task<TResponse?> ReadMessageAsync()
    {
        if (_finished)
        {
            return null;
        }

        TResponse? message;
        try
        {
            message = await MessageFrameReader.ReadAsync(_reader!, _method.ResponseParser, _channel.Options.MaxReceiveMessageSize, _responseGzip, _cts.Token).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw Fail(e.Status, e);
        }
        catch (Exception e)
        {
            throw Fail(MapException(e, "Error reading next message"), e);
        }

        if (message is not null)
        {
            return message;
        }

        FinishWithStatus(_response!.TrailingHeaders);
        return null;
    }

    private async Task ReadResponseHeadersAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw Fail(new Status(HttpStatusMapping.ToStatusCode((int)response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}"));
        }

        MetadataHeaders.ReadFrom(response.Headers, _context.ResponseHeaders);
        if (TryGetHeader(response.Headers, GrpcHeaders.Status, out _))
        {
            // Trailers-Only: the status and the trailing metadata came in the only header block.
            _context.ResponseHeaders.Clear();
            FinishWithStatus(response.Headers);
            return;
        }

        var contentType = response.Content.Headers.ContentType?.ToString();
        if (!GrpcHeaders.IsGrpcContentType(contentType))
        {
            throw Fail(new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType}"));
        }

        if (TryGetHeader(response.Headers, GrpcHeaders.Encoding, out var encoding) && encoding != GrpcHeaders.Identity)
        {
            if (encoding != GrpcHeaders.Gzip)
            {
                throw Fail(new Status(StatusCode.Internal, $"The server compressed responses with '{encoding}', which this client does not support."));
            }

            _responseGzip = true;
        }

        var stream = await response.Content.ReadAsStreamAsync(_cts.Token).ConfigureAwait(false);
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: false));
    }

    /// <summary>Reads grpc-status, grpc-message and metadata from trailers (or Trailers-Only headers); throws unless OK.</summary>
    private void FinishWithStatus(HttpHeaders source)
    {
        _finished = true;
        MetadataHeaders.ReadFrom(source, _context.ResponseTrailers);
        Status status;
        if (!TryGetHeader(source, GrpcHeaders.Status, out var code))
        {
            status = new Status(StatusCode.Internal, "No grpc-status found on response.");
        }
        else if (!int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            status = new Status(StatusCode.Internal, $"Unexpected grpc-status value '{code}'.");
        }
        else
        {
            TryGetHeader(source, GrpcHeaders.Message, out var message);
            status = new Status((StatusCode)value, PercentEncoding.Decode(message ?? ""));
        }

        _context.Status = status;
        if (status.StatusCode != StatusCode.OK)
        {
            throw new RpcException(status, _context.ResponseTrailers);
        }
    }

    private Status MapException(Exception exception, string what)
    {
        if (_requestStreamError is RpcException requestRpc)
        {
            return requestRpc.Status;
        }

        if (_requestStreamError is not null)
        {
            return new Status(StatusCode.Cancelled, $"The request stream failed: {_requestStreamError.GetType().Name}: {_requestStreamError.Message}");
        }

        if (_deadlineExceeded)
        {
            return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }

        if (_callerToken.IsCancellationRequested || _enumeratorToken.IsCancellationRequested)
        {
            return Status.Cancelled;
        }

        var protocolError = exception as HttpProtocolException ?? exception.InnerException as HttpProtocolException;
        if (protocolError is not null)
        {
            // HTTP/2 error codes: REFUSED_STREAM (7) may be retried elsewhere; CANCEL (8) is the server resetting the call.
            return protocolError.ErrorCode switch
            {
                7 => new Status(StatusCode.Unavailable, $"{what}: the server refused the stream."),
                8 => new Status(StatusCode.Cancelled, $"{what}: the server canceled the stream."),
                _ => new Status(StatusCode.Internal, $"{what}: HTTP/2 error {protocolError.ErrorCode}: {protocolError.Message}"),
            };
        }

        return exception switch
        {
            HttpRequestException or IOException => new Status(StatusCode.Unavailable, $"{what}. {exception.GetType().Name}: {exception.Message}"),
            OperationCanceledException => Status.Cancelled,
            _ => new Status(StatusCode.Internal, $"{what}. {exception.GetType().Name}: {exception.Message}"),
        };
    }

    private RpcException Fail(Status status, Exception? inner = null)
    {
        _finished = true;
        _context.Status = status;
        return inner is RpcException rpc && rpc.Status == status
            ? rpc
            : new RpcException(status, _context.ResponseTrailers, inner);
    }

    private static bool TryGetHeader(HttpHeaders headers, string name, out string? value)
    {
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            foreach (var v in values)
            {
                value = v;
                return true;
            }
        }

        value = null;
        return false;
    }
}
