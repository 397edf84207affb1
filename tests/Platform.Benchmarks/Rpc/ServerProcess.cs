using System.Diagnostics;
using System.Reflection;

namespace Platform.Benchmarks.Rpc;

/// <summary>A benchmark server in a child process: started, asked for its port, measured for CPU, killed by its id.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    public string Address => $"http://127.0.0.1:{Port}";

    public string Authority => $"127.0.0.1:{Port}";

    /// <summary>CPU time (user + system) the server process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Our Platform.Rpc server: this program again, with the <c>rpc-server</c> suite, server GC as Platform.Host runs.</summary>
    public static Task<ServerProcess> StartOursAsync()
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self);
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        start.ArgumentList.Add("rpc-server");
        start.Environment["DOTNET_gcServer"] = Environment.GetEnvironmentVariable("BENCH_GC_SERVER") ?? "1";
        return StartAsync("Platform.Rpc", start);
    }

    /// <summary>The grpc-js server of tests/interop/node/bench_server.js.</summary>
    public static Task<ServerProcess> StartNodeAsync(string repoRoot)
    {
        var start = new ProcessStartInfo("node");
        start.ArgumentList.Add(Path.Combine(repoRoot, "tests", "interop", "node", "bench_server.js"));
        start.ArgumentList.Add(repoRoot);
        return StartAsync("grpc-js", start);
    }

    private static async Task<ServerProcess> StartAsync(string name, ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"could not start the {name} benchmark server: '{start.FileName}' {e.Message} (is it installed and on PATH?)", e);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
                    return new ServerProcess(name, process, int.Parse(line["LISTENING ".Length..], System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        catch (OperationCanceledException)
        {
        }
        var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "no LISTENING line within 30 s";
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"the {name} benchmark server did not start: {error}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }
}
