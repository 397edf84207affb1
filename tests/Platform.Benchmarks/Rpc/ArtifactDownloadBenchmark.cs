using System.Diagnostics;
using System.Security.Cryptography;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Lab;
using Platform.Lab.V1;
using Platform.Rpc.Client;
using Platform.TestSupport;

namespace Platform.Benchmarks.Rpc;

/// <summary>
/// A file of <c>megabytes</c> MiB uploaded to Lab's ArtifactService and downloaded again over loopback with our
/// client, the content checked against its sha256 on the way. Lab (SQLite, in-memory bus, temp data root) and the
/// client share this process, so the memory figures cover both ends of the transfer.
/// </summary>
internal static class ArtifactDownloadBenchmark
{
    private const int FileChunk = 64 * 1024;

    public static async Task<IReadOnlyList<string>> RunAsync(int megabytes, int downloads)
    {
        using var root = new TempDirectory();
        var source = Path.Combine(root.Path, "source.bin");
        var size = (long)megabytes << 20;
        var sha = await WriteSourceAsync(source, size);
        await using var app = await StartLabAsync(Path.Combine(root.Path, "lab"));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var channel = RpcChannel.ForAddress(address);
        var artifacts = new ArtifactServiceClient(channel);
        var lines = new List<string>();

        var clock = Stopwatch.StartNew();
        var uploaded = (await artifacts.UploadArtifact(Chunks(source))).Artifact;
        var uploadSeconds = clock.Elapsed.TotalSeconds;
        if (uploaded.Sha256 != sha || uploaded.Size != size)
            throw new InvalidOperationException($"upload stored {uploaded.Size} bytes with sha256 {uploaded.Sha256}; expected {size} bytes, {sha}");
        lines.Add($"artifact upload   {megabytes} MiB: {uploadSeconds:0.00} s = {size / uploadSeconds / 1e6:0} MB/s (client stream of 64 KiB chunks, stored with fsync)");
        File.Delete(source);

        for (var run = 1; run <= downloads; run++)
        {
            using var memory = new MemorySampler();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            var received = await DownloadAndVerifyAsync(artifacts, uploaded.Id, sha, size);
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var sampled = await memory.StopAsync();
            lines.Add($"artifact download {megabytes} MiB #{run}: {seconds:0.00} s = {received / seconds / 1e6:0} MB/s (sha256 checked), " +
                      $"{cpuSeconds:0.00} CPU s for server + client = {received / cpuSeconds / 1e6:0} MB per CPU second; {sampled}");
        }
        lines.Add($"process peak working set over file creation, upload and downloads: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB");
        await app.StopAsync();
        return lines;
    }

    private static async Task<long> DownloadAndVerifyAsync(ArtifactServiceClient artifacts, string id, string sha, long size)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long received = 0;
        await foreach (var chunk in artifacts.DownloadArtifact(new DownloadArtifactRequest { ArtifactId = id }))
        {
            if (chunk.Offset != received)
                throw new InvalidOperationException($"chunk at offset {chunk.Offset} arrived after {received} bytes");
            hash.AppendData(chunk.Data.Span);
            received += chunk.Data.Length;
        }
        var got = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (received != size || got != sha)
            throw new InvalidOperationException($"downloaded {received} bytes with sha256 {got}; expected {size} bytes, {sha}");
        return received;
    }

    private static async Task<string> WriteSourceAsync(string path, long size)
    {
        var random = new Random();
        var buffer = new byte[1 << 20];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        for (long written = 0; written < size; written += buffer.Length)
        {
            random.NextBytes(buffer);
            hash.AppendData(buffer);
            await file.WriteAsync(buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async IAsyncEnumerable<UploadArtifactRequest> Chunks(string path)
    {
        yield return new UploadArtifactRequest { Header = new UploadArtifactHeader { Name = "bench.bin" } };
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        while (true)
        {
            var buffer = new byte[FileChunk];
            var read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false);
            if (read == 0)
                yield break;
            yield return new UploadArtifactRequest { Chunk = UnsafeByteOperations.UnsafeWrap(buffer.AsMemory(0, read)) };
        }
    }

    private static async Task<WebApplication> StartLabAsync(string dataRoot)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:DataRoot"] = dataRoot });
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseRpcKestrel(o => o.Port = 0);
        builder.AddLab();
        var app = builder.Build();
        app.MapLab();
        await app.StartAsync();
        return app;
    }
}
