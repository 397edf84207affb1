using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Platform.Rpc.Server;

/// <summary>Where and how Kestrel listens for gRPC: h2c by default, TLS (with ALPN h2) when a certificate is set.</summary>
public sealed class RpcKestrelOptions
{
    /// <summary>The address to listen on; loopback by default.</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; set; } = 5000;

    /// <summary>The server certificate; null for cleartext HTTP/2 (h2c, prior knowledge).</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>Further Kestrel settings (limits, more endpoints), applied after the gRPC listener.</summary>
    public Action<KestrelServerOptions>? ConfigureKestrel { get; set; }
}
