using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;

namespace Platform.Rpc.Tests.Server;

/// <summary>Hand-made HTTP/2 requests, to send what a well-behaved client never would.</summary>
public sealed class RawGrpcRequest : IDisposable
{
    private readonly HttpMessageInvoker _invoker = new(new SocketsHttpHandler());

    public sealed record Result(HttpStatusCode HttpStatus, HttpResponseHeaders Headers, byte[] Body, HttpResponseHeaders Trailers)
    {
        public bool IsTrailersOnly => Headers.Contains("grpc-status");

        public string? GrpcStatus => Header(IsTrailersOnly ? Headers : Trailers, "grpc-status");

        public string? GrpcMessage => Header(IsTrailersOnly ? Headers : Trailers, "grpc-message");

        public static string? Header(HttpHeaders headers, string name) =>
            headers.NonValidated.TryGetValues(name, out var values) ? values.First() : null;
    }

    public static byte[] Frame(byte[] payload, byte flag = 0, int? declaredLength = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)(declaredLength ?? payload.Length));
        payload.CopyTo(frame, 5);
        return frame;
    }

    public async Task<Result> SendAsync(string address, string path, byte[] body, string contentType = "application/grpc", params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address.TrimEnd('/') + path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _invoker.SendAsync(request, CancellationToken.None);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Result(response.StatusCode, response.Headers, bytes, response.TrailingHeaders);
    }

    public void Dispose() => _invoker.Dispose();
}
