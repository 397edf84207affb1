using System.Text.Json;
using Platform.Rpc.Tests.Infrastructure;

namespace Platform.Rpc.Tests.Interop;

/// <summary>gRPC C-core (Debian python3-grpcio) as the client of our server.</summary>
[Collection(RpcServerCollection.Name)]
public sealed class PythonClientInteropTests(RpcTestServer server)
{
    [PythonFact]
    public async Task UnaryMetadataHealthAndErrorWork()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Interop", "python_client.py");

        var (exitCode, stdout, stderr) = await InteropEnvironment.RunAsync(InteropEnvironment.Python, TimeSpan.FromSeconds(30), script, new Uri(server.Address).Authority);

        exitCode.Should().Be(0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        result.GetProperty("message").GetString().Should().Be("from python");
        result.GetProperty("echoUser").GetString().Should().Be("carol");
        result.GetProperty("trailerUser").GetString().Should().Be("carol");
        result.GetProperty("health").GetInt32().Should().Be(1, "SERVING");
        result.GetProperty("failCode").GetInt32().Should().Be((int)StatusCode.NotFound);
        result.GetProperty("failDetails").GetString().Should().Be("missing");
    }
}
