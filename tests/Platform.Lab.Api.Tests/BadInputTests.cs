using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Platform.Lab.Api.Tests.Infrastructure;
using Platform.Rpc.Tests.Server;
using Platform.TestSupport;

namespace Platform.Lab.Api.Tests;

/// <summary>Broken or hostile calls get the right status or a clean reset, and the server keeps serving.</summary>
[Collection(LabApiCollection.Name)]
public sealed class BadInputTests(LabApiServer server) : IDisposable
{
    private const string GetJobPath = "/platform.lab.v1.JobService/GetJob";
    private readonly HttpMessageInvoker http = new(new SocketsHttpHandler());

    [Fact]
    public async Task AWrongContentTypeIsHttp415WithGrpcStatusInternal()
    {
        using var response = await SendAsync(GetJobPath, "application/json", "{\"job_id\":\"x\"}"u8.ToArray());

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        StatusOf(response).Should().Be("13");
        await ServerStillServesAsync();
    }

    [Fact]
    public async Task ATruncatedFrameIsInternal()
    {
        using var response = await SendAsync(GetJobPath, "application/grpc", [0, 0, 0, 0, 40, 0x0A, 0x03]);
        await response.Content.ReadAsByteArrayAsync();

        StatusOf(response).Should().Be("13");
        await ServerStillServesAsync();
    }

    [Fact]
    public async Task InvalidProtobufBytesAreInternal()
    {
        using var response = await SendAsync(GetJobPath, "application/grpc", [0, 0, 0, 0, 3, 0x0A, 0xFF, 0xFF]);
        await response.Content.ReadAsByteArrayAsync();

        StatusOf(response).Should().Be("13");
        await ServerStillServesAsync();
    }

    [Fact]
    public async Task AFrameOverTheLimitIsResourceExhausted()
    {
        using var response = await SendAsync(GetJobPath, "application/grpc", [0, 0x7F, 0xFF, 0xFF, 0xFF, 0x0A]);
        await response.Content.ReadAsByteArrayAsync();

        StatusOf(response).Should().Be("8");
        await ServerStillServesAsync();
    }

    [Fact]
    public async Task ADeadlineAlreadyExpiredIsDeadlineExceeded()
    {
        var body = Frame(new GetJobRequest { JobId = Guid.NewGuid().ToString() });

        using var response = await SendAsync(GetJobPath, "application/grpc", body, ("grpc-timeout", "1n"));
        await response.Content.ReadAsByteArrayAsync();

        StatusOf(response).Should().Be("4");
        await ServerStillServesAsync();
    }

    [Fact]
    public async Task AnUnknownMethodIsUnimplemented()
    {
        using var response = await SendAsync("/platform.lab.v1.JobService/DeleteEverything", "application/grpc", Frame(new GetJobRequest()));
        await response.Content.ReadAsByteArrayAsync();

        StatusOf(response).Should().Be("12");
        await ServerStillServesAsync();
    }

    [Fact]
    public async Task AClientThatLeavesMidWatchDoesNotDisturbTheJobOrOtherWatchers()
    {
        var id = await server.Jobs.SubmitSelfTestAsync("""{"steps":8,"stepMilliseconds":50}""");
        using (var leave = new CancellationTokenSource())
        {
            var call = server.Jobs.WatchJob(new WatchJobRequest { JobId = id }, new CallContext().WithCancellation(leave.Token));
            await foreach (var _ in call)
            {
                leave.Cancel();
                break;
            }
        }

        var updates = await server.Jobs.WatchToEndAsync(id);

        updates[^1].Result.Job.State.Should().Be(JobState.Succeeded);
        await ServerStillServesAsync();
    }

    [Fact]
    public async Task FiveHundredConcurrentCallsAllSucceedOrGetTheirProperStatusAndTheServerKeepsServing()
    {
        var id = await server.Jobs.SubmitSelfTestAsync("""{"steps":1,"stepMilliseconds":0}""");
        await server.Jobs.WatchToEndAsync(id);
        var missing = Guid.NewGuid().ToString();
        var context = () => new CallContext().WithTimeout(TimeSpan.FromSeconds(60));

        // Four kinds of call at once: 500 streams, more than one HTTP/2 connection's 100.
        var calls = Enumerable.Range(0, 500).Select(async i =>
        {
            try
            {
                return (i % 4) switch
                {
                    0 => (await server.Jobs.GetJob(new GetJobRequest { JobId = id }, context())).Job.Id == id ? "ok" : "wrong job",
                    1 => (await server.Jobs.ListJobs(new ListJobsRequest { PageSize = 10 }, context())).Jobs.Any(j => j.Id == id) ? "ok" : "job not listed",
                    2 => (await server.Jobs.WatchToEndAsync(id))[^1].Result.Job.State == JobState.Succeeded ? "ok" : "no result",
                    _ => (await server.Jobs.GetJob(new GetJobRequest { JobId = missing }, context())).Job.Id,
                };
            }
            catch (RpcException e)
            {
                return e.StatusCode.ToString();
            }
        });
        var outcomes = await Task.WhenAll(calls);

        outcomes.Where((_, i) => i % 4 != 3).Should().OnlyContain(o => o == "ok");
        outcomes.Where((_, i) => i % 4 == 3).Should().OnlyContain(o => o == nameof(StatusCode.NotFound));
        await ServerStillServesAsync();
    }

    [Fact]
    public async Task AMalformedFrameFlagIsInternal()
    {
        var body = Frame(new GetJobRequest { JobId = Guid.NewGuid().ToString() });
        body[0] = 7;

        using var response = await SendAsync(GetJobPath, "application/grpc", body);
        await response.Content.ReadAsByteArrayAsync();

        StatusOf(response).Should().Be("13");
        await ServerStillServesAsync();
    }

    [Fact]
    public async Task AnUnknownServiceIsUnimplemented()
    {
        using var response = await SendAsync("/platform.lab.v1.NoSuchService/GetJob", "application/grpc", Frame(new GetJobRequest()));
        await response.Content.ReadAsByteArrayAsync();

        StatusOf(response).Should().Be("12");
        await ServerStillServesAsync();
    }

    [Fact]
    public async Task AClientThatDisconnectsMidUploadLeavesNoFileBehind()
    {
        var tmp = Path.Combine(server.DataRoot, "artifacts", "tmp");
        var chunk = System.Security.Cryptography.RandomNumberGenerator.GetBytes(30_000);
        var header = Frame(new UploadArtifactRequest { Header = new UploadArtifactHeader { Name = "dropped.bin" } });
        var data = Frame(new UploadArtifactRequest { Chunk = ByteString.CopyFrom(chunk) });
        byte[] partial = [0, 0, 0, 0x75, 0x30, .. chunk[..1000]];
        var connection = new RawHttp2Connection();
        await connection.OpenStreamAsync(new Uri(server.Address), "/platform.lab.v1.ArtifactService/UploadArtifact", [.. header, .. data, .. partial], endStream: false);
        await Eventually.WaitAsync(() => Task.FromResult(Directory.GetFiles(tmp).Length), n => n > 0, TimeSpan.FromSeconds(10), "the upload to start writing");

        connection.Dispose();

        await Eventually.WaitAsync(() => Task.FromResult(Directory.GetFiles(tmp).Length), n => n == 0, TimeSpan.FromSeconds(10), "the temporary file to be removed");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(chunk));
        File.Exists(Path.Combine(server.DataRoot, "artifacts", "sha256", sha[..2], sha)).Should().BeFalse();
        await ServerStillServesAsync();
    }

    public void Dispose() => http.Dispose();

    private async Task ServerStillServesAsync()
    {
        var kinds = await server.Jobs.ListJobKinds(new ListJobKindsRequest(), new CallContext().WithTimeout(TimeSpan.FromSeconds(10)));
        kinds.Kinds.Should().Contain(k => k.Kind == "system.selftest");
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string contentType, byte[] body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, server.Address + path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return await http.SendAsync(request, CancellationToken.None);
    }

    private static string? StatusOf(HttpResponseMessage response) =>
        response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.First()
        : response.Headers.TryGetValues("grpc-status", out var header) ? header.First()
        : null;

    private static byte[] Frame(IMessage message)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }
}
