using Google.Protobuf;
using Platform.Rpc.Client;
using Platform.Rpc.Tests.Infrastructure;
using Platform.Testing.V1;

namespace Platform.Rpc.Tests.Calls;

[Collection(RpcServerCollection.Name)]
public sealed class MessageSizeTests(RpcTestServer server)
{
    private readonly TestServiceClient _client = new(server.Channel);

    [Fact]
    public async Task RequestOverTheServerLimitIsResourceExhausted()
    {
        var payload = ByteString.CopyFrom(new byte[RpcTestServer.ServerMaxReceiveMessageSize + 1]);

        var act = () => _client.Echo(new EchoRequest { Payload = payload });

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.ResourceExhausted);
        error.Status.Detail.Should().Contain("maximum configured message size");
        (await _client.Echo(new EchoRequest { Message = "ok" })).Message.Should().Be("ok");
    }

    [Fact]
    public async Task CompressedRequestOverTheServerLimitIsResourceExhausted()
    {
        using var channel = server.CreateChannel(new RpcChannelOptions { RequestCompression = "gzip" });

        // Compresses to a few KB, but the server limit applies to the decompressed message.
        var act = () => new TestServiceClient(channel).Echo(new EchoRequest { Payload = ByteString.CopyFrom(new byte[2 * RpcTestServer.ServerMaxReceiveMessageSize]) });

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
        (await _client.Echo(new EchoRequest { Message = "ok" })).Message.Should().Be("ok");
    }

    [Fact]
    public async Task ResponseOverTheClientLimitIsResourceExhausted()
    {
        using var channel = server.CreateChannel(new RpcChannelOptions { MaxReceiveMessageSize = 1000 });

        var act = () => new TestServiceClient(channel).Echo(new EchoRequest { ResponsePadding = 5000 });

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
    }

    [Fact]
    public async Task RequestOverTheClientSendLimitFailsBeforeSending()
    {
        using var channel = server.CreateChannel(new RpcChannelOptions { MaxSendMessageSize = 100 });

        var act = () => new TestServiceClient(channel).Echo(new EchoRequest { Payload = ByteString.CopyFrom(new byte[200]) });

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
    }

    [Fact]
    public async Task LargeMessagesWithinLimitsRoundTrip()
    {
        var payload = ByteString.CopyFrom(Enumerable.Range(0, 900_000).Select(i => (byte)i).ToArray());

        var response = await _client.Echo(new EchoRequest { Payload = payload });

        response.Payload.Should().Equal(payload);
    }
}
