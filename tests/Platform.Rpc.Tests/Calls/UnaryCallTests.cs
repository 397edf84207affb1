using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Platform.Rpc.Tests.Infrastructure;
using Platform.Testing.V1;

namespace Platform.Rpc.Tests.Calls;

[Collection(RpcServerCollection.Name)]
public sealed class UnaryCallTests(RpcTestServer server)
{
    private readonly TestServiceClient _client = new(server.Channel);

    [Fact]
    public async Task EchoReturnsTheRequestMessageAndPayload()
    {
        var response = await _client.Echo(new EchoRequest { Message = "hello", Payload = ByteString.CopyFrom(1, 2, 3) });

        response.Message.Should().Be("hello");
        response.Payload.ToByteArray().Should().Equal(1, 2, 3);
        response.RequestEncoding.Should().BeEmpty();
    }

    [Fact]
    public async Task TextAndBinaryMetadataTravelBothWays()
    {
        var binary = new byte[] { 0, 1, 2, 250, 255 };
        var context = new CallContext();
        context.RequestHeaders.Add("x-user", "alice").Add("x-blob-bin", binary);

        await _client.Echo(new EchoRequest { Message = "m" }, context);

        context.ResponseHeaders.GetString("echo-user").Should().Be("alice");
        context.ResponseHeaders.GetBytes("echo-blob-bin").Should().Equal(binary);
        context.ResponseTrailers.GetString("trailer-user").Should().Be("alice");
        context.ResponseTrailers.GetBytes("trailer-blob-bin").Should().Equal(binary);
        context.Status.Should().Be(Status.Ok);
    }

    [Fact]
    public async Task WellKnownAndNestedMessageTypesAreMapped()
    {
        (await _client.Ping(new Empty())).Should().Be(new Empty());
        var outer = await _client.Nested(new Outer.Types.Inner { Value = "in" });
        outer.Inner.Value.Should().Be("in!");
    }

    [Fact]
    public async Task GzipCompressedRequestIsDecodedByTheServer()
    {
        using var channel = server.CreateChannel(new Client.RpcChannelOptions { RequestCompression = "gzip" });
        var text = new string('z', 10_000);

        var response = await new TestServiceClient(channel).Echo(new EchoRequest { Message = text });

        response.Message.Should().Be(text);
        response.RequestEncoding.Should().Be("gzip");
    }

    [Fact]
    public async Task FiveHundredConcurrentCallsAllSucceed()
    {
        var calls = Enumerable.Range(0, 500).Select(i => _client.Echo(new EchoRequest { Message = "n" + i })).ToList();

        var responses = await Task.WhenAll(calls);

        responses.Select(r => r.Message).Should().Equal(Enumerable.Range(0, 500).Select(i => "n" + i));
    }

    [Fact]
    public async Task ResponseHeadersAreUtf8SafeForBinaryValuesWithCommas()
    {
        var context = new CallContext();
        context.RequestHeaders.Add("x-multi-bin", Encoding.UTF8.GetBytes("a,b"));

        await _client.Echo(new EchoRequest(), context);

        Encoding.UTF8.GetString(context.ResponseHeaders.GetBytes("echo-multi-bin")!).Should().Be("a,b");
    }
}
