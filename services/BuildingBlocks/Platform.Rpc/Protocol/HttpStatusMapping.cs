namespace Platform.Rpc.Protocol;

/// <summary>The gRPC status a client reports when a response is not HTTP 200 (per the HTTP/2 protocol spec).</summary>
public static class HttpStatusMapping
{
    /// <summary>Maps an HTTP status code to a gRPC status code.</summary>
    public static StatusCode ToStatusCode(int httpStatus) => httpStatus switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}
