namespace Platform.Rpc.Protocol;

/// <summary>Header names and values of the gRPC over HTTP/2 protocol.</summary>
public static class GrpcHeaders
{
    /// <summary><c>application/grpc</c>, the content type of every gRPC request and response.</summary>
    public const string ContentType = "application/grpc";

    /// <summary>The status code header/trailer.</summary>
    public const string Status = "grpc-status";

    /// <summary>The percent-encoded status message header/trailer.</summary>
    public const string Message = "grpc-message";

    /// <summary>The request timeout header.</summary>
    public const string Timeout = "grpc-timeout";

    /// <summary>The compression of the messages in this direction.</summary>
    public const string Encoding = "grpc-encoding";

    /// <summary>The compressions the sender accepts.</summary>
    public const string AcceptEncoding = "grpc-accept-encoding";

    /// <summary>The compressions this implementation reads and writes.</summary>
    public const string SupportedEncodings = "identity,gzip";

    /// <summary>The gzip compression name.</summary>
    public const string Gzip = "gzip";

    /// <summary>No compression.</summary>
    public const string Identity = "identity";

    /// <summary>The user agent our client sends.</summary>
    public const string UserAgent = "grpc-dotnet-platform-rpc/1.0";

    /// <summary>True for headers the protocol owns, which never appear in <see cref="Metadata"/>.</summary>
    public static bool IsReserved(string name) =>
        name.Length == 0
        || name[0] == ':'
        || name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || name.Equals("te", StringComparison.OrdinalIgnoreCase)
        || name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("user-agent", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("accept-encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals(Status, StringComparison.OrdinalIgnoreCase)
        || name.Equals(Message, StringComparison.OrdinalIgnoreCase)
        || name.Equals(Timeout, StringComparison.OrdinalIgnoreCase)
        || name.Equals(Encoding, StringComparison.OrdinalIgnoreCase)
        || name.Equals(AcceptEncoding, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True for <c>application/grpc</c> and <c>application/grpc+proto</c>, with or without parameters.
    /// Other subtypes (<c>+json</c>) and grpc-web are not served.
    /// </summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';');
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return mediaType.Equals(ContentType, StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals(ContentType + "+proto", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True if a comma-separated encoding list (<c>grpc-accept-encoding</c>) contains <paramref name="encoding"/>.</summary>
    public static bool ListContains(string? list, string encoding)
    {
        if (string.IsNullOrEmpty(list))
        {
            return false;
        }

        foreach (var part in list.Split(','))
        {
            if (part.Trim().Equals(encoding, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
