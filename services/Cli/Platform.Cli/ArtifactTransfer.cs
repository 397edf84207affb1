using System.Security.Cryptography;
using Google.Protobuf;
using Platform.Lab.V1;
using Platform.Rpc;

namespace Platform.Cli;

/// <summary>Artifact download (resumable, verified) and upload, streaming through fixed-size buffers.</summary>
public static class ArtifactTransfer
{
    private const int UploadChunkSize = 64 * 1024;

    /// <summary>
    /// Downloads an artifact to <paramref name="path"/>, continuing after the bytes an earlier, interrupted
    /// download left there, and checks the sha256 of the whole file. Returns the bytes now in the file.
    /// </summary>
    public static async Task<long> DownloadAsync(ArtifactServiceClient artifacts, string artifactId, string path, CancellationToken ct)
    {
        var offset = File.Exists(path) ? new FileInfo(path).Length : 0;
        string? expected = null;
        long total = 0;
        await using (var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            file.Seek(offset, SeekOrigin.Begin);
            var request = new DownloadArtifactRequest { ArtifactId = artifactId, Offset = offset };
            await foreach (var chunk in artifacts.DownloadArtifact(request, new CallContext().WithCancellation(ct)))
            {
                if (expected is null)
                {
                    (expected, total) = (chunk.Sha256, chunk.TotalSize);
                }
                if (chunk.Offset != file.Position)
                    throw new RpcException(StatusCode.DataLoss, $"chunk at offset {chunk.Offset} arrived while the file is at {file.Position}");
                await file.WriteAsync(chunk.Data.Memory, ct);
            }
        }
        var actual = await HashAsync(path, ct);
        if (actual != expected)
            throw new UsageException($"{path}: sha256 {actual} does not match the artifact's {expected}; delete the file and download again");
        return total;
    }

    /// <summary>Uploads a file; returns the stored artifact.</summary>
    public static async Task<Platform.Common.V1.Artifact> UploadAsync(ArtifactServiceClient artifacts, string path, UploadArtifactHeader header, CancellationToken ct)
    {
        if (!File.Exists(path))
            throw new UsageException($"{path} does not exist");
        var response = await artifacts.UploadArtifact(ReadAsync(path, header, ct), new CallContext().WithCancellation(ct));
        var local = await HashAsync(path, ct);
        if (local != response.Artifact.Sha256)
            throw new RpcException(StatusCode.DataLoss, $"the server stored sha256 {response.Artifact.Sha256} but {path} has {local}");
        return response.Artifact;
    }

    private static async IAsyncEnumerable<UploadArtifactRequest> ReadAsync(string path, UploadArtifactHeader header, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        yield return new UploadArtifactRequest { Header = header };
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, UploadChunkSize, useAsync: true);
        while (true)
        {
            var buffer = new byte[UploadChunkSize];
            var read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            if (read == 0)
                yield break;
            yield return new UploadArtifactRequest { Chunk = UnsafeByteOperations.UnsafeWrap(buffer.AsMemory(0, read)) };
        }
    }

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }
}
