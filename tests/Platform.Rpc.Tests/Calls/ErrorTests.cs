using Platform.Rpc.Client;
using Platform.Rpc.Tests.Infrastructure;
using Platform.Testing.V1;

namespace Platform.Rpc.Tests.Calls;

[Collection(RpcServerCollection.Name)]
public sealed class ErrorTests(RpcTestServer server)
{
    private readonly TestServiceClient _client = new(server.Channel);

    [Fact]
    public async Task RpcExceptionStatusMessageAndTrailersReachTheClient()
    {
        const string message = "name must not be empty – ünïcode ✓ 100%";
        var context = new CallContext();

        var act = () => _client.Fail(new FailRequest { Code = (int)StatusCode.InvalidArgument, Message = message }, context);

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.InvalidArgument);
        error.Status.Detail.Should().Be(message);
        error.Trailers.GetString("x-error-trailer").Should().Be("present");
        error.Details.Should().BeNull();
        context.Status.Should().Be(new Status(StatusCode.InvalidArgument, message));
    }

    [Fact]
    public async Task StructuredDetailsTravelInGrpcStatusDetailsBin()
    {
        var act = () => _client.Fail(new FailRequest { Code = (int)StatusCode.FailedPrecondition, Message = "bad input", WithDetails = true });

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.FailedPrecondition);
        error.Status.Detail.Should().Be("bad input");
        error.Details!.Code.Should().Be((int)StatusCode.FailedPrecondition);
        error.GetDetail<ErrorDetail>().Should().Be(new ErrorDetail { Field = "name", Reason = "must not be empty" });
    }

    [Fact]
    public async Task UnhandledExceptionBecomesUnknownWithoutLeakingItsMessage()
    {
        var act = () => _client.Fail(new FailRequest { ThrowPlainException = true });

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.Unknown);
        error.Status.Detail.Should().Be("Exception was thrown by handler.");
    }

    [Fact]
    public async Task UnknownServiceIsUnimplemented()
    {
        var act = () => new UnmappedServiceClient(server.Channel).Echo(new EchoRequest());

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.Unimplemented);
        error.Status.Detail.Should().Be("Service is unimplemented.");
        (await _client.Echo(new EchoRequest { Message = "alive" })).Message.Should().Be("alive");
    }

    [Fact]
    public async Task UnknownMethodOfAKnownServiceIsUnimplemented()
    {
        var method = new RpcMethod<EchoRequest, EchoResponse>(MethodType.Unary, TestServiceRpc.ServiceName, "NoSuchMethod", EchoRequest.Parser, EchoResponse.Parser);

        var act = () => server.Channel.UnaryAsync(method, new EchoRequest());

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.Unimplemented);
        error.Status.Detail.Should().Be("Method is unimplemented.");
        (await _client.Echo(new EchoRequest { Message = "alive" })).Message.Should().Be("alive");
    }

    [Fact]
    public async Task UnreachableServerIsUnavailable()
    {
        using var channel = RpcChannel.ForAddress("http://127.0.0.1:1");

        var act = () => new TestServiceClient(channel).Echo(new EchoRequest());

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unavailable);
    }
}
