using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Platform.Rpc.Client;
using Platform.Rpc.Server;
using Platform.Rpc.Tests.Infrastructure;
using Platform.Testing.V1;

namespace Platform.Rpc.Tests.Server;

/// <summary>A server with a certificate (TLS, ALPN h2) that also gzips responses for clients that accept it.</summary>
public sealed class TlsGzipServer : RpcTestServer
{
    private readonly X509Certificate2 _certificate = CreateCertificate();

    public override RpcChannel CreateChannel(RpcChannelOptions? options = null)
    {
        options ??= new RpcChannelOptions();
        options.HttpHandler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == _certificate.GetCertHashString() },
        };
        return RpcChannel.ForAddress(Address, options);
    }

    protected override void ConfigureKestrel(RpcKestrelOptions options) => options.Certificate = _certificate;

    protected override void ConfigureOptions(RpcServerOptions options) => options.ResponseCompression = "gzip";

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}

public sealed class TlsAndCompressionTests(TlsGzipServer server) : IClassFixture<TlsGzipServer>
{
    [Fact]
    public async Task CallsWorkOverTlsWithGzipResponses()
    {
        server.Address.Should().StartWith("https://");
        var client = new TestServiceClient(server.Channel);
        var text = new string('q', 20_000);

        var response = await client.Echo(new EchoRequest { Message = text });
        var indexes = new List<int>();
        await foreach (var item in client.Count(new CountRequest { Count = 100 }))
        {
            indexes.Add(item.Index);
        }

        response.Message.Should().Be(text);
        indexes.Should().Equal(Enumerable.Range(0, 100));
    }

    [Fact]
    public async Task ResponsesAreGzipCompressedOnTheWire()
    {
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } });
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Address + "/platform.testing.v1.TestService/Echo")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(RawGrpcRequest.Frame(Google.Protobuf.MessageExtensions.ToByteArray(new EchoRequest { Message = new string('q', 20_000) }))),
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "gzip");

        using var response = await invoker.SendAsync(request, CancellationToken.None);
        var body = await response.Content.ReadAsByteArrayAsync();

        RawGrpcRequest.Result.Header(response.Headers, "grpc-encoding").Should().Be("gzip");
        body[0].Should().Be(1, "the frame is flagged compressed");
        body.Length.Should().BeLessThan(1000);
    }
}
