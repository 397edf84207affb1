using Microsoft.AspNetCore.Http;
using Platform.Rpc.Protocol;

namespace Platform.Rpc.Server;

/// <summary>Answers a request with a status only: one HEADERS frame that ends the stream.</summary>
internal static class TrailersOnlyResponse
{
    public static Task WriteAsync(HttpContext http, int httpStatus, StatusCode statusCode, string message)
    {
        var response = http.Response;
        response.StatusCode = httpStatus;
        response.ContentType = GrpcHeaders.ContentType;
        response.Headers[GrpcHeaders.Status] = ((int)statusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[GrpcHeaders.Message] = PercentEncoding.Encode(message);
        return Task.CompletedTask;
    }
}
