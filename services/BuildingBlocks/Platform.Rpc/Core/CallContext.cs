using Microsoft.AspNetCore.Http;

namespace Platform.Rpc;

/// <summary>
/// Everything about one call besides its messages. A client passes one per call (request headers,
/// deadline, cancellation) and reads the response headers, trailers and status from it afterwards.
/// A server handler receives one with the request headers, deadline and a token that fires on deadline
/// or client disconnect, and fills the response headers (before the first message) and trailers.
/// </summary>
public sealed class CallContext
{
    /// <summary>Creates a context.</summary>
    public CallContext(Metadata? requestHeaders = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
    {
        RequestHeaders = requestHeaders ?? new Metadata();
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    /// <summary>Metadata sent with the request.</summary>
    public Metadata RequestHeaders { get; }

    /// <summary>When the call must be finished (UTC); null for no deadline.</summary>
    public DateTime? Deadline { get; set; }

    /// <summary>Client: cancels the call. Server: fires when the deadline passes or the client goes away.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Response headers: received (client) or to send with the first response message (server).</summary>
    public Metadata ResponseHeaders { get; } = new();

    /// <summary>Response trailers: received (client) or to send with the status (server).</summary>
    public Metadata ResponseTrailers { get; } = new();

    /// <summary>The status the call ended with (client), once it ended.</summary>
    public Status? Status { get; internal set; }

    /// <summary>The address of the other side, e.g. <c>ipv4:127.0.0.1:51234</c> (server only).</summary>
    public string? Peer { get; internal set; }

    /// <summary>The HTTP context of the call (server only).</summary>
    public HttpContext? HttpContext { get; internal set; }

    /// <summary>Sets <see cref="Deadline"/> to now plus <paramref name="timeout"/> and returns this context.</summary>
    public CallContext WithTimeout(TimeSpan timeout)
    {
        Deadline = DateTime.UtcNow + timeout;
        return this;
    }

    /// <summary>Sets <see cref="CancellationToken"/> and returns this context.</summary>
    public CallContext WithCancellation(CancellationToken cancellationToken)
    {
        CancellationToken = cancellationToken;
        return this;
    }
}
