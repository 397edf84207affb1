using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Google.Protobuf;
using Platform.Lab.Api.Tests.Infrastructure;

namespace Platform.Lab.Api.Tests;

[Collection(LabApiCollection.Name)]
public sealed class ArtifactApiTests(LabApiServer server)
{
    private readonly ArtifactServiceClient artifacts = server.Artifacts;

    [Fact]
    public async Task AnUploadedFileDownloadsInBoundedChunksWithItsSha256AndResumesFromAnOffset()
    {
        var content = RandomNumberGenerator.GetBytes(1_500_000 + 17);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));

        var uploaded = (await artifacts.UploadArtifact(Upload(new UploadArtifactHeader { Name = "blob.bin" }, content, 100_000))).Artifact;
        var whole = await DownloadAsync(uploaded.Id, 0);
        var tail = await DownloadAsync(uploaded.Id, 1_000_000);

        (uploaded.Size, uploaded.Sha256, uploaded.Kind, uploaded.MediaType).Should().Be((content.Length, sha, "upload", "application/octet-stream"));
        whole.Should().OnlyContain(c => c.Data.Length <= 64 * 1024);
        (whole[0].TotalSize, whole[0].Sha256, whole[0].Offset).Should().Be((content.Length, sha, 0L));
        whole.SelectMany(c => c.Data).ToArray().Should().Equal(content);
        whole.Skip(1).Should().OnlyContain(c => c.Offset > 0);
        tail[0].Offset.Should().Be(1_000_000);
        tail.SelectMany(c => c.Data).ToArray().Should().Equal(content[1_000_000..]);
        File.Exists(Path.Combine(server.DataRoot, "artifacts", "sha256", sha[..2], sha)).Should().BeTrue();
    }

    [Fact]
    public async Task AnOffsetPastTheEndIsOutOfRangeAndAnOffsetAtTheEndGivesAnEmptyFirstChunk()
    {
        var uploaded = (await artifacts.UploadArtifact(Upload(new UploadArtifactHeader { Name = "small.txt", MediaType = "text/plain" }, "hello"u8.ToArray(), 2))).Artifact;

        var past = () => DownloadAsync(uploaded.Id, 6);
        var atEnd = await DownloadAsync(uploaded.Id, 5);

        (await past.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.OutOfRange);
        atEnd.Should().ContainSingle().Which.Data.Length.Should().Be(0);
        atEnd[0].Sha256.Should().Be(uploaded.Sha256);
    }

    [Fact]
    public async Task AJobsArtifactIsListedAndItsReportDownloads()
    {
        var id = await server.Jobs.SubmitSelfTestAsync("""{"steps":2,"stepMilliseconds":0}""");
        await server.Jobs.WatchToEndAsync(id);
        await artifacts.UploadArtifact(Upload(new UploadArtifactHeader { JobId = id, Name = "notes.md", Kind = "notes" }, "# notes"u8.ToArray(), 4));

        var listed = (await artifacts.ListArtifacts(new ListArtifactsRequest { JobId = id })).Artifacts;

        listed.Select(a => a.Name).Should().Contain(["notes.md", "report.txt"]).And.BeInAscendingOrder(StringComparer.Ordinal);
        var report = listed.Single(a => a.Name == "report.txt");
        var text = System.Text.Encoding.UTF8.GetString((await DownloadAsync(report.Id, 0)).SelectMany(c => c.Data).ToArray());
        text.Should().StartWith("self-test: 2 steps on cpu");
    }

    [Fact]
    public async Task AnUploadThatBreaksOffLeavesNothingUnderAFinalName()
    {
        var content = RandomNumberGenerator.GetBytes(300_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));

        var upload = () => artifacts.UploadArtifact(Broken(new UploadArtifactHeader { Name = "broken.bin" }, content));

        (await upload.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Cancelled);
        await Task.Delay(300);
        File.Exists(Path.Combine(server.DataRoot, "artifacts", "sha256", sha[..2], sha)).Should().BeFalse();
        Directory.GetFiles(Path.Combine(server.DataRoot, "artifacts", "tmp")).Should().BeEmpty();
        (await artifacts.UploadArtifact(Upload(new UploadArtifactHeader { Name = "after.bin" }, content, 50_000))).Artifact.Sha256.Should().Be(sha);
    }

    [Fact]
    public async Task AnUploadWithoutHeaderOrToAnUnknownJobIsRefused()
    {
        var noHeader = () => artifacts.UploadArtifact(Chunks(new byte[10]));
        var unknownJob = () => artifacts.UploadArtifact(Upload(new UploadArtifactHeader { Name = "x", JobId = Guid.NewGuid().ToString() }, new byte[10], 5));

        (await noHeader.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.InvalidArgument);
        (await unknownJob.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.NotFound);
    }

    private async Task<List<DownloadArtifactResponse>> DownloadAsync(string id, long offset)
    {
        var chunks = new List<DownloadArtifactResponse>();
        await foreach (var chunk in artifacts.DownloadArtifact(new DownloadArtifactRequest { ArtifactId = id, Offset = offset }))
            chunks.Add(chunk);
        return chunks;
    }

    private static async IAsyncEnumerable<UploadArtifactRequest> Upload(UploadArtifactHeader header, byte[] content, int chunkSize)
    {
        yield return new UploadArtifactRequest { Header = header };
        for (var i = 0; i < content.Length; i += chunkSize)
        {
            await Task.Yield();
            yield return new UploadArtifactRequest { Chunk = ByteString.CopyFrom(content, i, Math.Min(chunkSize, content.Length - i)) };
        }
    }

    private static async IAsyncEnumerable<UploadArtifactRequest> Chunks(byte[] content)
    {
        await Task.Yield();
        yield return new UploadArtifactRequest { Chunk = ByteString.CopyFrom(content) };
    }

    /// <summary>Sends the header and part of the content, then fails: the client resets the stream mid-upload.</summary>
    private static async IAsyncEnumerable<UploadArtifactRequest> Broken(UploadArtifactHeader header, byte[] content, [EnumeratorCancellation] CancellationToken ct = default)
    {
        yield return new UploadArtifactRequest { Header = header };
        yield return new UploadArtifactRequest { Chunk = ByteString.CopyFrom(content, 0, 100_000) };
        await Task.Delay(200, ct);
        throw new IOException("the client lost its source file mid-upload");
    }
}
