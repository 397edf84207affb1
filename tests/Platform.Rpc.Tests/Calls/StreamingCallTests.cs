using System.Threading.Channels;
using Platform.Rpc.Tests.Infrastructure;
using Platform.Testing.V1;

namespace Platform.Rpc.Tests.Calls;

[Collection(RpcServerCollection.Name)]
public sealed class StreamingCallTests(RpcTestServer server)
{
    private readonly TestServiceClient _client = new(server.Channel);

    [Fact]
    public async Task ServerStreamingDeliversEveryMessageInOrder()
    {
        var indexes = new List<int>();
        await foreach (var response in _client.Count(new CountRequest { Count = 1000 }))
        {
            indexes.Add(response.Index);
        }

        indexes.Should().Equal(Enumerable.Range(0, 1000));
    }

    [Fact]
    public async Task ClientStreamingSumsEveryMessage()
    {
        var response = await _client.Sum(Numbers(1, 1000));

        response.Count.Should().Be(1000);
        response.Sum.Should().Be(500_500);
    }

    [Fact]
    public async Task EmptyClientStreamIsAValidCall()
    {
        var response = await _client.Sum(Numbers(1, 0));

        response.Count.Should().Be(0);
    }

    [Fact]
    public async Task BidiPingPongGetsEachEchoBeforeSendingTheNextMessage()
    {
        // Each request is produced only after the previous echo arrived: this hangs unless both sides flush per message.
        var requests = Channel.CreateUnbounded<EchoRequest>();
        var context = new CallContext().WithTimeout(TimeSpan.FromSeconds(10));
        context.RequestHeaders.Add("x-mode", "ping-pong");
        await requests.Writer.WriteAsync(new EchoRequest { Message = "0" });
        var echoes = new List<string>();
        await foreach (var response in _client.Chat(requests.Reader.ReadAllAsync(), context))
        {
            echoes.Add(response.Message);
            if (echoes.Count == 50)
            {
                requests.Writer.Complete();
            }
            else
            {
                await requests.Writer.WriteAsync(new EchoRequest { Message = echoes.Count.ToString() });
            }
        }

        echoes.Should().Equal(Enumerable.Range(0, 50).Select(i => "echo:" + i));
        context.ResponseHeaders.GetString("echo-mode").Should().Be("ping-pong");
        context.ResponseTrailers.GetString("trailer-mode").Should().Be("ping-pong");
    }

    [Fact]
    public async Task StoppingEarlyCancelsTheStreamAndTheChannelKeepsWorking()
    {
        var received = 0;
        await foreach (var response in _client.Count(new CountRequest { Count = 100_000 }))
        {
            if (++received == 5)
            {
                break;
            }
        }

        received.Should().Be(5);
        (await _client.Echo(new EchoRequest { Message = "after" })).Message.Should().Be("after");
    }

    internal static async IAsyncEnumerable<Number> Numbers(int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            await Task.Yield();
            yield return new Number { Value = i };
        }
    }
}
