using System.Net;
using Google.Protobuf;
using Platform.Rpc.Tests.Infrastructure;
using Platform.Testing.V1;

namespace Platform.Rpc.Tests.Server;

[Collection(RpcServerCollection.Name)]
public sealed class BadInputTests(RpcTestServer server) : IDisposable
{
    private const string EchoPath = "/platform.testing.v1.TestService/Echo";
    private readonly RawGrpcRequest _raw = new();

    [Fact]
    public async Task WrongContentTypeIsRejectedWith415()
    {
        var result = await _raw.SendAsync(server.Address, EchoPath, RawGrpcRequest.Frame([]), "application/json");

        result.HttpStatus.Should().Be(HttpStatusCode.UnsupportedMediaType);
        result.GrpcStatus.Should().Be("13");
        await ServerStillServes();
    }

    [Fact]
    public async Task MalformedFrameFlagIsInternal()
    {
        var result = await _raw.SendAsync(server.Address, EchoPath, RawGrpcRequest.Frame([0x0A, 0x01, 0x61], flag: 7));

        result.HttpStatus.Should().Be(HttpStatusCode.OK);
        result.GrpcStatus.Should().Be("13");
        result.GrpcMessage.Should().Contain("compressed flag is 7");
        await ServerStillServes();
    }

    [Fact]
    public async Task TruncatedMessageIsInternal()
    {
        var result = await _raw.SendAsync(server.Address, EchoPath, RawGrpcRequest.Frame(new byte[10], declaredLength: 100));

        result.GrpcStatus.Should().Be("13");
        result.GrpcMessage.Should().Contain("Incomplete message");
        await ServerStillServes();
    }

    [Fact]
    public async Task TruncatedFrameHeaderIsInternal()
    {
        var result = await _raw.SendAsync(server.Address, EchoPath, [0, 0, 0]);

        result.GrpcStatus.Should().Be("13");
        result.GrpcMessage.Should().Contain("Incomplete message");
        await ServerStillServes();
    }

    [Fact]
    public async Task InvalidProtobufBytesAreInternal()
    {
        var result = await _raw.SendAsync(server.Address, EchoPath, RawGrpcRequest.Frame([0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]));

        result.GrpcStatus.Should().Be("13");
        result.GrpcMessage.Should().Contain("Failed to deserialize");
        await ServerStillServes();
    }

    [Fact]
    public async Task SecondMessageOnAUnaryCallIsInternal()
    {
        var message = new EchoRequest { Message = "a" }.ToByteArray();

        var result = await _raw.SendAsync(server.Address, EchoPath, [.. RawGrpcRequest.Frame(message), .. RawGrpcRequest.Frame(message)]);

        result.GrpcStatus.Should().Be("13");
        await ServerStillServes();
    }

    [Fact]
    public async Task AlreadyExpiredTimeoutIsAnsweredWithoutRunningTheHandler()
    {
        var before = server.Observations.SleepCalls;

        var result = await _raw.SendAsync(server.Address, "/platform.testing.v1.TestService/Sleep", RawGrpcRequest.Frame(new SleepRequest { SleepMs = 1 }.ToByteArray()), headers: ("grpc-timeout", "0n"));

        result.GrpcStatus.Should().Be("4");
        result.IsTrailersOnly.Should().BeTrue();
        server.Observations.SleepCalls.Should().Be(before);
        await ServerStillServes();
    }

    [Fact]
    public async Task AFrameOverTheLimitIsResourceExhaustedFromItsPrefixAlone()
    {
        // Only the 5-byte prefix and a few bytes: the server must refuse before waiting for 2 GB.
        var result = await _raw.SendAsync(server.Address, EchoPath, [0, 0x7F, 0xFF, 0xFF, 0xFF, 0x0A]);

        result.GrpcStatus.Should().Be("8");
        result.GrpcMessage.Should().Contain("maximum configured message size");
        await ServerStillServes();
    }

    [Fact]
    public async Task UnknownServiceAndMethodPathsAreUnimplemented()
    {
        var service = await _raw.SendAsync(server.Address, "/platform.testing.v1.NoSuchService/Echo", RawGrpcRequest.Frame([]));
        var method = await _raw.SendAsync(server.Address, "/platform.testing.v1.TestService/NoSuchMethod", RawGrpcRequest.Frame([]));

        (service.GrpcStatus, method.GrpcStatus).Should().Be(("12", "12"));
        (service.IsTrailersOnly, method.IsTrailersOnly).Should().Be((true, true));
        await ServerStillServes();
    }

    [Fact]
    public async Task UnsupportedRequestEncodingIsUnimplementedAndListsSupportedOnes()
    {
        var result = await _raw.SendAsync(server.Address, EchoPath, RawGrpcRequest.Frame([]), headers: ("grpc-encoding", "snappy"));

        result.GrpcStatus.Should().Be("12");
        RawGrpcRequest.Result.Header(result.Headers, "grpc-accept-encoding").Should().Be("identity,gzip");
    }

    [Fact]
    public async Task ErrorBeforeAnyMessageIsTrailersOnly()
    {
        var fail = new FailRequest { Code = (int)StatusCode.NotFound, Message = "nope" }.ToByteArray();

        var result = await _raw.SendAsync(server.Address, "/platform.testing.v1.TestService/Fail", RawGrpcRequest.Frame(fail));

        result.IsTrailersOnly.Should().BeTrue();
        result.Body.Should().BeEmpty();
        result.GrpcStatus.Should().Be("5");
        result.GrpcMessage.Should().Be("nope");
        RawGrpcRequest.Result.Header(result.Headers, "x-error-trailer").Should().Be("present");
    }

    [Fact]
    public async Task SuccessfulUnaryCallSendsOneFrameThenTrailers()
    {
        var result = await _raw.SendAsync(server.Address, EchoPath, RawGrpcRequest.Frame(new EchoRequest { Message = "hi" }.ToByteArray()));

        result.IsTrailersOnly.Should().BeFalse();
        result.GrpcStatus.Should().Be("0");
        EchoResponse.Parser.ParseFrom(result.Body.AsSpan(5)).Message.Should().Be("hi");
        RawGrpcRequest.Result.Header(result.Headers, "content-type").Should().BeNull("content-type is a content header");
    }

    [Fact]
    public async Task UnknownPathWithoutGrpcContentTypeIsLeftToTheApp()
    {
        var result = await _raw.SendAsync(server.Address, "/not/grpc", [], "text/plain");

        result.HttpStatus.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DisconnectingClientCancelsItsHandlerAndLeavesTheServerServing()
    {
        var id = Guid.NewGuid().ToString();
        var started = server.Observations.SleepCalls;
        var connection = new RawHttp2Connection();
        await connection.OpenStreamAsync(new Uri(server.Address), "/platform.testing.v1.TestService/Sleep", RawGrpcRequest.Frame(new SleepRequest { Id = id, SleepMs = 30_000 }.ToByteArray()));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (server.Observations.SleepCalls == started && waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10);
        }

        server.Observations.SleepCalls.Should().BeGreaterThan(started, "the handler started");
        connection.Dispose();

        (await server.Observations.SleepEnded(id).WaitAsync(TimeSpan.FromSeconds(5))).Should().Be("canceled");
        await ServerStillServes();
    }

    [Fact]
    public async Task DisconnectingMidServerStreamCancelsTheStreamingHandler()
    {
        var id = Guid.NewGuid().ToString();
        var connection = new RawHttp2Connection();
        await connection.OpenStreamAsync(new Uri(server.Address), "/platform.testing.v1.TestService/Count", RawGrpcRequest.Frame(new CountRequest { Id = id, Count = 10_000, DelayMs = 10 }.ToByteArray()));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (server.Observations.CountSent(id) < 3 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        server.Observations.CountSent(id).Should().BeGreaterThanOrEqualTo(3, "the stream is under way");
        connection.Dispose();

        var sent = int.Parse(await server.Observations.CountCanceled(id).WaitAsync(TimeSpan.FromSeconds(5)), System.Globalization.CultureInfo.InvariantCulture);
        sent.Should().BeInRange(3, 9_999, "the handler was mid-stream when the client went away");
        await ServerStillServes();
    }

    public void Dispose() => _raw.Dispose();

    private async Task ServerStillServes() =>
        (await new TestServiceClient(server.Channel).Echo(new EchoRequest { Message = "alive" })).Message.Should().Be("alive");
}
