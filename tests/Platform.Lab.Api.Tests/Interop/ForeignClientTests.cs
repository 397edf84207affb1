using System.Text.Json;
using Platform.Lab.Api.Tests.Infrastructure;

namespace Platform.Lab.Api.Tests.Interop;

/// <summary>
/// Other gRPC implementations call the Lab API: grpc-js (Node) and C-core (Debian python3-grpcio). Each submits a
/// self-test job, watches it to the end over the stream, downloads its report and checks the sha256, and decodes
/// the google.rpc.BadRequest of a bad spec.
/// </summary>
[Collection(LabApiCollection.Name)]
public sealed class ForeignClientTests(LabApiServer server)
{
    [NodeFact]
    public async Task GrpcJsSubmitsWatchesDownloadsAndReadsStructuredErrors()
    {
        var script = Path.Combine(InteropPeers.RepoRoot, "tests", "interop", "node", "lab_client.js");

        var (exitCode, stdout, stderr) = await InteropPeers.RunAsync("node", TimeSpan.FromSeconds(90), script, server.Authority, InteropPeers.RepoRoot);

        exitCode.Should().Be(0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        result.GetProperty("state").GetString().Should().Be("JOB_STATE_SUCCEEDED");
        AssertCommon(result, steps: 5);
    }

    [PythonFact]
    public async Task CCoreSubmitsWatchesDownloadsAndReadsStructuredErrors()
    {
        var script = Path.Combine(InteropPeers.RepoRoot, "tests", "interop", "python", "lab_client.py");
        var protoset = Path.Combine(server.DataRoot, "lab.protoset");
        await File.WriteAllBytesAsync(protoset, LabProtoDescriptors.FileDescriptorSet());

        var (exitCode, stdout, stderr) = await InteropPeers.RunAsync(InteropPeers.Python, TimeSpan.FromSeconds(90), script, server.Authority, protoset);

        exitCode.Should().Be(0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        result.GetProperty("state").GetInt32().Should().Be((int)JobState.Succeeded);
        AssertCommon(result, steps: 4);
    }

    private static void AssertCommon(JsonElement result, int steps)
    {
        result.GetProperty("progressCount").GetInt32().Should().BeGreaterThan(0);
        result.GetProperty("resultIsLast").GetBoolean().Should().BeTrue();
        result.GetProperty("lastProgressValue").GetDouble().Should().BeLessThanOrEqualTo(steps);
        result.GetProperty("reportText").GetString().Should().StartWith($"self-test: {steps} steps on cpu");
        result.GetProperty("sha256Matches").GetBoolean().Should().BeTrue();
        result.GetProperty("totalSize").GetInt64().Should().Be(result.GetProperty("reportText").GetString()!.Length);
        var error = result.GetProperty("error");
        error.GetProperty("code").GetInt32().Should().Be((int)StatusCode.InvalidArgument);
        error.GetProperty("details").GetString().Should().Contain("steps must be between 1 and 1000000 (got 0)");
        var violation = error.GetProperty("violations").EnumerateArray().Single();
        violation.GetProperty("field").GetString().Should().Be("spec_json.steps");
        violation.GetProperty("description").GetString().Should().Be("steps must be between 1 and 1000000 (got 0)");
    }
}
