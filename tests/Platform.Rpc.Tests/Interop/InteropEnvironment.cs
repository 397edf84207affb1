using System.Diagnostics;

namespace Platform.Rpc.Tests.Interop;

/// <summary>Finds the third-party gRPC peers: Node with tests/interop/node/node_modules, and Debian's python3-grpcio.</summary>
public static class InteropEnvironment
{
    private static readonly Lazy<string?> NodeMissing = new(CheckNode);
    private static readonly Lazy<string?> PythonMissing = new(CheckPython);

    public const string Python = "/usr/bin/python3";

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string NodeDirectory => Path.Combine(RepoRoot, "tests", "interop", "node");

    /// <summary>Why the Node interop tests cannot run, or null when they can.</summary>
    public static string? NodeSkipReason => NodeMissing.Value;

    /// <summary>Why the Python interop tests cannot run, or null when they can.</summary>
    public static string? PythonSkipReason => PythonMissing.Value;

    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string fileName, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

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
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string? CheckNode()
    {
        if (!File.Exists(Path.Combine(NodeDirectory, "node_modules", "@grpc", "grpc-js", "package.json")))
        {
            return "tests/interop/node/node_modules is missing; run `npm ci --prefix tests/interop/node`.";
        }

        return Succeeds("node", "--version") ? null : "`node` is not on PATH; install Node.js 18+.";
    }

    private static string? CheckPython() =>
        File.Exists(Python) && Succeeds(Python, "-c", "import grpc")
            ? null
            : "Debian's python3-grpcio is not installed for /usr/bin/python3; run `apt-get install -y python3-grpcio`.";

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
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "tests", "interop", "node")) && Directory.Exists(Path.Combine(dir.FullName, "protos")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (a folder with protos/ and tests/interop/node/) above " + AppContext.BaseDirectory);
    }
}
