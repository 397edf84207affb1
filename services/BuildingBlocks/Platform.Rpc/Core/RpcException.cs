using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Platform.Rpc;

/// <summary>
/// A call that ended with a non-OK status. Thrown by clients; thrown by server handlers to answer with a
/// status, trailers and optionally structured details (sent as <c>grpc-status-details-bin</c>).
/// </summary>
public class RpcException : Exception
{
    /// <summary>The trailer that carries a serialized <see cref="Google.Rpc.Status"/>.</summary>
    public const string StatusDetailsTrailer = "grpc-status-details-bin";

    /// <summary>Creates an exception with a status code and message.</summary>
    public RpcException(StatusCode statusCode, string detail)
        : this(new Status(statusCode, detail))
    {
    }

    /// <summary>Creates an exception with a status and optional trailers.</summary>
    public RpcException(Status status, Metadata? trailers = null, Exception? innerException = null)
        : base($"Status(StatusCode=\"{status.StatusCode}\", Detail=\"{status.Detail}\")", innerException)
    {
        Status = status;
        Trailers = trailers ?? new Metadata();
        if (Trailers.GetBytes(StatusDetailsTrailer) is { } bytes)
        {
            try
            {
                Details = Google.Rpc.Status.Parser.ParseFrom(bytes);
            }
            catch (InvalidProtocolBufferException)
            {
                // A peer's malformed details must not hide its status; the raw bytes stay in Trailers.
            }
        }
    }

    /// <summary>
    /// Creates an exception from structured details: the status code and message are taken from
    /// <paramref name="details"/>, which is sent as <c>grpc-status-details-bin</c>.
    /// </summary>
    public RpcException(Google.Rpc.Status details, Metadata? trailers = null)
        : this(new Status((StatusCode)details.Code, details.Message), WithDetails(trailers, details))
    {
    }

    /// <summary>The status the call ended with.</summary>
    public Status Status { get; }

    /// <summary>The status code the call ended with.</summary>
    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>Trailing metadata (for Trailers-Only responses, the response headers).</summary>
    public Metadata Trailers { get; }

    /// <summary>The structured error from <c>grpc-status-details-bin</c>, or null.</summary>
    public Google.Rpc.Status? Details { get; }

    /// <summary>The first detail of type <typeparamref name="T"/> packed in <see cref="Details"/>, or null.</summary>
    public T? GetDetail<T>()
        where T : class, IMessage<T>, new()
    {
        if (Details is null)
        {
            return null;
        }

        foreach (var any in Details.Details)
        {
            if (any.TryUnpack<T>(out var detail))
            {
                return detail;
            }
        }

        return null;
    }

    /// <summary>Builds a <see cref="Google.Rpc.Status"/> with the given details packed as <see cref="Any"/>.</summary>
    public static Google.Rpc.Status CreateDetails(StatusCode statusCode, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)statusCode, Message = message };
        foreach (var detail in details)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status;
    }

    private static Metadata WithDetails(Metadata? trailers, Google.Rpc.Status details)
    {
        var result = trailers ?? new Metadata();
        result.Remove(StatusDetailsTrailer);
        result.Add(StatusDetailsTrailer, details.ToByteArray());
        return result;
    }
}
