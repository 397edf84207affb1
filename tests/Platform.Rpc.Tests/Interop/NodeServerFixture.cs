using System.Diagnostics;
using Platform.Rpc.Client;

namespace Platform.Rpc.Tests.Interop;

/// <summary>A grpc-js server (tests/interop/node/server.js) on 127.0.0.1, started once for the tests that call it.</summary>
public sealed class NodeServerFixture : IAsyncLifetime
{
    private Process? _process;

    public RpcChannel? Channel { get; private set; }

    public async Task InitializeAsync()
    {
        if (InteropEnvironment.NodeSkipReason is not null)
        {
            return;
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = InteropEnvironment.RepoRoot };
        start.ArgumentList.Add(Path.Combine(InteropEnvironment.NodeDirectory, "server.js"));
        start.ArgumentList.Add(InteropEnvironment.RepoRoot);
        _process = Process.Start(start)!;
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith("LISTENING ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The grpc-js server did not start: {line} {await _process.StandardError.ReadToEndAsync()}");
        }

        Channel = RpcChannel.ForAddress("http://127.0.0.1:" + line["LISTENING ".Length..].Trim());
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }
}
