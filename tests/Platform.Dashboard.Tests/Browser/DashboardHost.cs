using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Platform.Rpc.Client;
using Platform.TestSupport;

namespace Platform.Dashboard.Tests.Browser;

/// <summary>
/// The real Platform.Host (Lab, workers and dashboard, as <c>./platform serve</c> runs it) in a child process on free
/// ports with SQLite in a temp folder and the in-memory bus, its database seeded with 10,000 finished jobs, and a
/// headless Debian Chromium driven by Playwright.
/// </summary>
public sealed class DashboardHost : IAsyncLifetime
{
    public const int SeededJobs = 10_000;

    private readonly TempDirectory root = new();
    private readonly StringBuilder output = new();
    private Process? process;
    private IPlaywright? playwright;

    /// <summary>The dashboard, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string Url { get; private set; } = "";

    public RpcChannel Channel { get; private set; } = null!;

    public JobServiceClient Jobs => new(Channel);

    public ArtifactServiceClient Artifacts => new(Channel);

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots and measurements land in this project's TestResults folder.</summary>
    public static string ResultsDirectory { get; } = Path.Combine(RepositoryRoot(), "tests", "Platform.Dashboard.Tests", "TestResults");

    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    public async Task InitializeAsync()
    {
        var hostDll = HostAssembly();
        var (http, grpc) = (FreePort(), FreePort());
        Url = $"http://127.0.0.1:{http}/";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     hostDll, $"--urls=http://127.0.0.1:{http}", $"--Lab:GrpcUrl=http://127.0.0.1:{grpc}", $"--Platform:DataRoot={root.Path}",
                     "--Platform:Roles=lab,worker,dashboard", "--Worker:ProgressIntervalMilliseconds=100", "--Worker:HeartbeatSeconds=1",
                     "--Logging:LogLevel:Default=Warning",
                 })
            start.ArgumentList.Add(arg);
        start.Environment["OPENBLAS_NUM_THREADS"] = "1";
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Channel = RpcChannel.ForAddress($"http://127.0.0.1:{grpc}");
        await WaitUntilServingAsync();
        await SeedFinishedJobsAsync(Path.Combine(root.Path, "platform.db"), SeededJobs);

        Directory.CreateDirectory(ResultsDirectory);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh page (own context) with a desktop-sized viewport.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    /// <summary>Waits until the page's circuit is connected (the layout says so).</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("#interactive[data-interactive='yes']");

    public static Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(ResultsDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>Appends a measured number to TestResults/dashboard-measurements.txt (reported, never asserted).</summary>
    public static void Record(string line)
    {
        Directory.CreateDirectory(ResultsDirectory);
        File.AppendAllText(Path.Combine(ResultsDirectory, "dashboard-measurements.txt"), $"{DateTimeOffset.UtcNow:u} {line}{Environment.NewLine}");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        playwright?.Dispose();
        Channel?.Dispose();
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        root.Dispose();
    }

    private async Task WaitUntilServingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        using var http = new HttpClient();
        while (true)
        {
            if (process!.HasExited)
                throw new InvalidOperationException($"Platform.Host exited with {process.ExitCode} before serving:\n{Output}");
            try
            {
                await Jobs.ListJobs(new ListJobsRequest { PageSize = 1 });
                if ((await http.GetAsync(Url)).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is Platform.Rpc.RpcException or HttpRequestException && DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Platform.Host did not serve within 60 s:\n{Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>Finished self-test jobs, older than anything a test submits, written in one transaction.</summary>
    private static async Task SeedFinishedJobsAsync(string database, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=false;Default Timeout=30");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO jobs (id, name, kind, spec, state, progress_value, progress_limit, progress_message, attempt, worker, device, " +
            "created_at, started_at, finished_at, updated_at, result) VALUES ($id, $name, 'system.selftest', " +
            "'{\"steps\":10,\"stepMilliseconds\":100,\"checkpointEvery\":1}', $state, 10, 10, 'step 10/10', 1, 'seed-worker', 'cpu', " +
            "$t, $t, $t, $t, '{}')";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var state = command.Parameters.Add("$state", SqliteType.Text);
        var time = command.Parameters.Add("$t", SqliteType.Integer);
        var origin = DateTimeOffset.UtcNow.AddDays(-2).ToUnixTimeMilliseconds();
        for (var i = 0; i < count; i++)
        {
            id.Value = Guid.NewGuid().ToString();
            name.Value = $"seeded-{i:D5}";
            state.Value = i % 10 == 0 ? "Failed" : "Succeeded";
            time.Value = origin + i * 1000L;
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (output) output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string HostAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var path = Path.Combine(RepositoryRoot(), "services", "Host", "Platform.Host", "bin", configuration, "net10.0", "Platform.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing; build services/Host/Platform.Host ({configuration}) first", path);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException($"no Platform.sln above {AppContext.BaseDirectory}");
    }
}
