using System.Diagnostics;

namespace Platform.Lab.Api.Tests.Interop;

/// <summary>Finds and runs the third-party gRPC peers: Node with tests/interop/node/node_modules, and Debian's python3-grpcio.</summary>
public static class InteropPeers
{
    public const string Python = "/usr/bin/python3";

    public static string RepoRoot { get; } = FindRepoRoot();

    private static readonly Lazy<string?> NodeMissing = new(() =>
        !File.Exists(Path.Combine(RepoRoot, "tests", "interop", "node", "node_modules", "@grpc", "grpc-js", "package.json"))
            ? "tests/interop/node/node_modules is missing; run `npm ci --prefix tests/interop/node`."
            : Succeeds("node", "--version") ? null : "`node` is not on PATH; install Node.js 18+.");

    private static readonly Lazy<string?> PythonMissing = new(() =>
        File.Exists(Python) && Succeeds(Python, "-c", "import grpc, google.protobuf")
            ? null
            : "Debian's python3-grpcio/python3-protobuf are not installed for /usr/bin/python3; run `apt-get install -y python3-grpcio python3-protobuf`.");

    public static string? NodeSkipReason => NodeMissing.Value;

    public static string? PythonSkipReason => PythonMissing.Value;

    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string fileName, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}; stderr: {await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static bool Succeeds(string fileName, params string[] arguments)
    {
        try
        {
            return RunAsync(fileName, TimeSpan.FromSeconds(20), arguments).GetAwaiter().GetResult().ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "tests", "interop", "node")) && Directory.Exists(Path.Combine(dir.FullName, "protos")))
                return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (a folder with protos/ and tests/interop/node/) above " + AppContext.BaseDirectory);
    }
}
