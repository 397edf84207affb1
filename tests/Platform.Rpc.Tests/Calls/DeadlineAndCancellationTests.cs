using System.Diagnostics;
using Platform.Rpc.Client;
using Platform.Rpc.Tests.Infrastructure;
using Platform.Testing.V1;

namespace Platform.Rpc.Tests.Calls;

[Collection(RpcServerCollection.Name)]
public sealed class DeadlineAndCancellationTests(RpcTestServer server)
{
    private readonly TestServiceClient _client = new(server.Channel);

    [Fact]
    public async Task ClientDeadlineEndsTheCallAndCancelsTheHandler()
    {
        var id = Guid.NewGuid().ToString();
        var watch = Stopwatch.StartNew();

        var act = () => _client.Sleep(new SleepRequest { Id = id, SleepMs = 30_000 }, new CallContext().WithTimeout(TimeSpan.FromMilliseconds(300)));

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        (await server.Observations.SleepEnded(id).WaitAsync(TimeSpan.FromSeconds(5))).Should().Be("canceled");
    }

    [Fact]
    public async Task ServerEnforcesTheDeadlineEvenWhenTheHandlerIgnoresItsToken()
    {
        using var channel = server.CreateChannel(new RpcChannelOptions { EnforceDeadlineLocally = false });
        var id = Guid.NewGuid().ToString();
        var watch = Stopwatch.StartNew();
        var context = new CallContext().WithTimeout(TimeSpan.FromMilliseconds(300));

        var act = () => new TestServiceClient(channel).Sleep(new SleepRequest { Id = id, SleepMs = 2_000, IgnoreCancellation = true }, context);

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
        error.Status.Detail.Should().Be("Deadline Exceeded");
        watch.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(250)).And.BeLessThan(TimeSpan.FromMilliseconds(1_800));
        (await server.Observations.SleepEnded(id).WaitAsync(TimeSpan.FromSeconds(10))).Should().Be("canceled", "the handler's token fired at the deadline");
    }

    [Fact]
    public async Task ServerEnforcedDeadlineEndsAStreamMidway()
    {
        using var channel = server.CreateChannel(new RpcChannelOptions { EnforceDeadlineLocally = false });
        var received = 0;

        var act = async () =>
        {
            await foreach (var _ in new TestServiceClient(channel).Count(new CountRequest { Count = 1000, DelayMs = 50 }, new CallContext().WithTimeout(TimeSpan.FromMilliseconds(400))))
            {
                received++;
            }
        };

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
        received.Should().BeInRange(1, 10);
    }

    [Fact]
    public async Task ExpiredDeadlineFailsWithoutSendingTheCall()
    {
        var before = server.Observations.SleepCalls;

        var act = () => _client.Sleep(new SleepRequest { SleepMs = 1 }, new CallContext(deadline: DateTime.UtcNow.AddSeconds(-1)));

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
        server.Observations.SleepCalls.Should().Be(before);
    }

    [Fact]
    public async Task CancellationReachesTheHandlerToken()
    {
        var id = Guid.NewGuid().ToString();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var act = () => _client.Sleep(new SleepRequest { Id = id, SleepMs = 30_000 }, new CallContext(cancellationToken: cts.Token));

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Cancelled);
        (await server.Observations.SleepEnded(id).WaitAsync(TimeSpan.FromSeconds(5))).Should().Be("canceled");
        (await _client.Echo(new EchoRequest { Message = "still serving" })).Message.Should().Be("still serving");
    }
}
