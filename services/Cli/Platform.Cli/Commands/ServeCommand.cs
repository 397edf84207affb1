using System.CommandLine;
using System.Diagnostics;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>platform serve [--key=value ...]</c>: runs the embedded host (Platform.Host: Lab + workers; gRPC on
/// <c>Lab:GrpcUrl</c>, default http://127.0.0.1:5081) as a child process with the given settings, until Ctrl+C.
/// A child rather than in-process so that the CLI stays a small client and the host keeps its own configuration files.
/// </summary>
public static class ServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var settings = new Argument<string[]>("settings") { Description = "Configuration keys for the host, e.g. --Lab:GrpcUrl=http://127.0.0.1:6000", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("serve", "Run Lab and the workers in one process (Platform.Host) until Ctrl+C") { settings };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var host = FindHost() ?? throw new UsageException("Platform.Host.dll not found; set PLATFORM_HOST_DLL or build services/Host/Platform.Host");
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(host)! };
            start.ArgumentList.Add(host);
            foreach (var s in (parse.GetValue(settings) ?? []).Concat(parse.UnmatchedTokens))
                start.ArgumentList.Add(s);
            using var process = Process.Start(start)!;
            // Ctrl+C reaches the child through the terminal; a cancel of this process alone is passed on.
            await using var forward = ct.Register(() => Kill(process));
            await process.WaitForExitAsync(CancellationToken.None);
            return process.ExitCode;
        });
        return command;
    }

    private static void Kill(Process process)
    {
        if (!process.HasExited)
            Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
    }

    private static string? FindHost()
    {
        if (Environment.GetEnvironmentVariable("PLATFORM_HOST_DLL") is { Length: > 0 } configured)
            return File.Exists(configured) ? configured : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            // The newest build wins: ./platform builds Release, a developer's `dotnet build` Debug.
            var newest = new[] { "Release", "Debug" }
                .Select(c => new FileInfo(Path.Combine(dir.FullName, "services", "Host", "Platform.Host", "bin", c, "net10.0", "Platform.Host.dll")))
                .Where(f => f.Exists)
                .OrderByDescending(f => f.LastWriteTimeUtc)
                .FirstOrDefault();
            if (newest is not null)
                return newest.FullName;
        }
        return null;
    }
}
