using Platform.Testing.V1;

namespace Platform.Rpc.Tests.Interop;

/// <summary>Our client calling a grpc-js (Node) server.</summary>
public sealed class NodeServerInteropTests(NodeServerFixture node) : IClassFixture<NodeServerFixture>
{
    private TestServiceClient Client => new(node.Channel!);

    [NodeFact]
    public async Task UnaryCallWithMetadataBothWays()
    {
        var context = new CallContext();
        context.RequestHeaders.Add("x-user", "bob").Add("x-blob-bin", [9, 8, 7]);

        var response = await Client.Echo(new EchoRequest { Message = "to node" }, context);

        response.Message.Should().Be("to node");
        context.ResponseHeaders.GetString("echo-user").Should().Be("bob");
        context.ResponseHeaders.GetBytes("echo-blob-bin").Should().Equal(9, 8, 7);
        context.ResponseTrailers.GetString("trailer-user").Should().Be("bob");
    }

    [NodeFact]
    public async Task ServerStreamingDeliversAllMessagesInOrder()
    {
        var indexes = new List<int>();
        await foreach (var response in Client.Count(new CountRequest { Count = 500 }))
        {
            indexes.Add(response.Index);
        }

        indexes.Should().Equal(Enumerable.Range(0, 500));
    }

    [NodeFact]
    public async Task ClientAndBidiStreaming()
    {
        var sum = await Client.Sum(Calls.StreamingCallTests.Numbers(1, 100));
        var echoes = new List<string>();
        await foreach (var response in Client.Chat(Requests()))
        {
            echoes.Add(response.Message);
        }

        sum.Sum.Should().Be(5050);
        echoes.Should().Equal("echo:a", "echo:b");

        static async IAsyncEnumerable<EchoRequest> Requests()
        {
            await Task.Yield();
            yield return new EchoRequest { Message = "a" };
            yield return new EchoRequest { Message = "b" };
        }
    }

    [NodeFact]
    public async Task BidiPingPongFlushesEachRequest()
    {
        var requests = System.Threading.Channels.Channel.CreateUnbounded<EchoRequest>();
        await requests.Writer.WriteAsync(new EchoRequest { Message = "0" });
        var echoes = new List<string>();

        await foreach (var response in Client.Chat(requests.Reader.ReadAllAsync(), new CallContext().WithTimeout(TimeSpan.FromSeconds(10))))
        {
            echoes.Add(response.Message);
            if (echoes.Count == 20)
            {
                requests.Writer.Complete();
            }
            else
            {
                await requests.Writer.WriteAsync(new EchoRequest { Message = echoes.Count.ToString() });
            }
        }

        echoes.Should().Equal(Enumerable.Range(0, 20).Select(i => "echo:" + i));
    }

    [NodeFact]
    public async Task DeadlineExceeded()
    {
        var act = () => Client.Sleep(new SleepRequest { SleepMs = 30_000 }, new CallContext().WithTimeout(TimeSpan.FromMilliseconds(300)));

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
    }

    [NodeFact]
    public async Task ErrorFromTrailersOnlyResponse()
    {
        const string message = "name must not be empty – ünïcode ✓ 100%";

        var act = () => Client.Fail(new FailRequest { Code = (int)StatusCode.InvalidArgument, Message = message });

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.InvalidArgument);
        error.Status.Detail.Should().Be(message);
        error.Trailers.GetString("x-error-trailer").Should().Be("present");
    }

    [NodeFact]
    public async Task UnknownServiceIsUnimplemented()
    {
        var act = () => new UnmappedServiceClient(node.Channel!).Echo(new EchoRequest());

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unimplemented);
    }
}
