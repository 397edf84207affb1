using System.Security.Cryptography;

namespace Platform.Persistence.Artifacts;

/// <summary>
/// A content-addressed store under <c>{DataRoot}/artifacts/sha256/ab/abcdef…</c>. Content is written to a
/// temporary file, hashed on the way, flushed and then renamed into place, so a crash never leaves a
/// half-written file under a final name, and identical content is stored once.
/// </summary>
public sealed class LocalArtifactStore
{
    private const string Folder = "artifacts";

    /// <summary>A store under <paramref name="dataRoot"/>.</summary>
    public LocalArtifactStore(string dataRoot)
    {
        DataRoot = Path.GetFullPath(dataRoot);
        Directory.CreateDirectory(Path.Combine(DataRoot, Folder, "tmp"));
    }

    /// <summary>The absolute data root.</summary>
    public string DataRoot { get; }

    /// <summary>Copies <paramref name="content"/> into the store.</summary>
    public async Task<StoredArtifact> PutAsync(Stream content, CancellationToken ct = default)
    {
        var temp = Path.Combine(DataRoot, Folder, "tmp", Guid.NewGuid().ToString("N"));
        try
        {
            long size = 0;
            string sha;
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    size += read;
                }
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            var relative = RelativePathOf(sha);
            var final = Path.Combine(DataRoot, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (File.Exists(final))
                File.Delete(temp);
            else
                File.Move(temp, final, overwrite: true);
            return new StoredArtifact(sha, size, relative);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Stores bytes.</summary>
    public Task<StoredArtifact> PutAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default) =>
        PutAsync(new MemoryStream(content.ToArray(), writable: false), ct);

    /// <summary>Opens stored content for reading; throws <see cref="FileNotFoundException"/> when absent.</summary>
    public Stream Open(string sha256)
    {
        var path = Path.Combine(DataRoot, RelativePathOf(sha256));
        if (!File.Exists(path))
            throw new FileNotFoundException($"artifact content {sha256} is not in the store at {DataRoot}", path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
    }

    /// <summary>Whether the content is present.</summary>
    public bool Contains(string sha256) => File.Exists(Path.Combine(DataRoot, RelativePathOf(sha256)));

    /// <summary>The absolute path of stored content.</summary>
    public string PathOf(string sha256) => Path.Combine(DataRoot, RelativePathOf(sha256));

    private static string RelativePathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
            throw new ArgumentException($"'{sha256}' is not a sha256 hex digest", nameof(sha256));
        var lower = sha256.ToLowerInvariant();
        return Path.Combine(Folder, "sha256", lower[..2], lower);
    }
}
