namespace Platform.Rpc;

/// <summary>The outcome of a call: a status code and a message for people.</summary>
/// <param name="StatusCode">The status code.</param>
/// <param name="Detail">The message sent as <c>grpc-message</c>; empty when there is none.</param>
public readonly record struct Status(StatusCode StatusCode, string Detail)
{
    /// <summary>The status of a call that succeeded.</summary>
    public static Status Ok => new(StatusCode.OK, "");

    /// <summary>The status of a call cancelled by its caller.</summary>
    public static Status Cancelled => new(StatusCode.Cancelled, "Call canceled by the client.");

    /// <inheritdoc/>
    public override string ToString() => $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")";
}
