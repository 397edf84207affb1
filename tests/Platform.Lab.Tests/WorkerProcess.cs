using System.Diagnostics;
using System.Text;

namespace Platform.Lab.Tests;

/// <summary>A real <c>Platform.Host</c> process started with command-line settings; killed on dispose.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private WorkerProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public static string HostAssembly
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = dir.Parent!.Name; // bin/<Configuration>/net10.0/
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
                dir = dir.Parent;
            var path = Path.Combine(dir!.FullName, "services", "Host", "Platform.Host", "bin", configuration, "net10.0", "Platform.Host.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("build services/Host/Platform.Host first", path);
        }
    }

    public static WorkerProcess Start(params string[] settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(HostAssembly);
        info.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var s in settings)
            info.ArgumentList.Add(s);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    public bool HasExited => process.HasExited;

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crashed or OOM-killed worker.</summary>
    public void KillHard()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    public void Dispose()
    {
        if (!process.HasExited)
            KillHard();
        process.Dispose();
    }
}
