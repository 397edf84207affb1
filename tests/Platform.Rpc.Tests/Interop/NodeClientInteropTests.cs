using System.Text.Json;
using Platform.Rpc.Tests.Infrastructure;

namespace Platform.Rpc.Tests.Interop;

/// <summary>grpc-js (Node) as the client of our server.</summary>
[Collection(RpcServerCollection.Name)]
public sealed class NodeClientInteropTests(RpcTestServer server)
{
    [NodeFact]
    public async Task UnaryCallWithMetadataBothWays()
    {
        var result = await RunAsync("unary");

        result.GetProperty("message").GetString().Should().Be("from node");
        result.GetProperty("code").GetInt32().Should().Be(0);
        result.GetProperty("echoUser").GetString().Should().Be("alice");
        Convert.FromBase64String(result.GetProperty("echoBlob").GetString()!).Should().Equal(0, 1, 2, 255);
        result.GetProperty("trailerUser").GetString().Should().Be("alice");
    }

    [NodeFact]
    public async Task ServerStreamingDeliversAllMessagesInOrder()
    {
        var result = await RunAsync("serverStream");

        result.GetProperty("count").GetInt32().Should().Be(1000);
        result.GetProperty("ordered").GetBoolean().Should().BeTrue();
    }

    [NodeFact]
    public async Task ClientStreamingSums()
    {
        var result = await RunAsync("clientStream");

        result.GetProperty("sum").GetInt64().Should().Be(5050);
        result.GetProperty("count").GetInt32().Should().Be(100);
    }

    [NodeFact]
    public async Task ErrorStatusMessageAndTrailerArrive()
    {
        var result = await RunAsync("error");

        result.GetProperty("code").GetInt32().Should().Be((int)StatusCode.InvalidArgument);
        result.GetProperty("details").GetString().Should().Be("name must not be empty – ünïcode ✓ 100%");
        result.GetProperty("trailer").GetString().Should().Be("present");
    }

    [NodeFact]
    public async Task DeadlineExceeded()
    {
        var result = await RunAsync("deadline");

        result.GetProperty("code").GetInt32().Should().Be((int)StatusCode.DeadlineExceeded);
    }

    [NodeFact]
    public async Task UnknownMethodIsUnimplemented()
    {
        var result = await RunAsync("unimplemented");

        result.GetProperty("code").GetInt32().Should().Be((int)StatusCode.Unimplemented);
    }

    [NodeFact]
    public async Task HealthCheckAnswersServingAndNotFound()
    {
        var result = await RunAsync("health");

        result.GetProperty("whole").GetString().Should().Be("SERVING");
        result.GetProperty("service").GetString().Should().Be("SERVING");
        result.GetProperty("unknownCode").GetInt32().Should().Be((int)StatusCode.NotFound);
    }

    private async Task<JsonElement> RunAsync(string scenario)
    {
        var address = new Uri(server.Address).Authority;
        var (exitCode, stdout, stderr) = await InteropEnvironment.RunAsync("node", TimeSpan.FromSeconds(30), Path.Combine(InteropEnvironment.NodeDirectory, "client.js"), address, scenario, InteropEnvironment.RepoRoot);
        exitCode.Should().Be(0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }
}
