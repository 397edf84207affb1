using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Platform.Rpc.Server;

namespace Microsoft.AspNetCore.Hosting;

/// <summary>Kestrel set-up for gRPC.</summary>
public static class RpcKestrelExtensions
{
    /// <summary>
    /// Listens for gRPC on <paramref name="endPoint"/>: HTTP/2 only in cleartext (h2c needs prior knowledge,
    /// so HTTP/1.1 is off), or HTTP/1.1 + HTTP/2 negotiated by ALPN with TLS when a certificate is given.
    /// </summary>
    public static KestrelServerOptions ListenRpc(this KestrelServerOptions kestrel, IPEndPoint endPoint, X509Certificate2? certificate = null)
    {
        kestrel.Listen(endPoint, listen =>
        {
            if (certificate is null)
            {
                listen.Protocols = HttpProtocols.Http2;
            }
            else
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            }
        });
        return kestrel;
    }

    /// <summary>Configures Kestrel to serve gRPC as described by <see cref="RpcKestrelOptions"/>.</summary>
    public static IWebHostBuilder UseRpcKestrel(this IWebHostBuilder builder, Action<RpcKestrelOptions>? configure = null)
    {
        var options = new RpcKestrelOptions();
        configure?.Invoke(options);
        return builder.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenRpc(new IPEndPoint(options.Address, options.Port), options.Certificate);
            options.ConfigureKestrel?.Invoke(kestrel);
        });
    }
}
