using System.IO.Pipelines;
using Google.Protobuf;
using Platform.Lab.V1;
using Platform.Persistence.Artifacts;
using Platform.Persistence.Repositories;
using Platform.Rpc;

namespace Platform.Lab.Api;

/// <summary>
/// <c>platform.lab.v1.ArtifactService</c> over <see cref="ArtifactRepository"/> and the content-addressed
/// <see cref="LocalArtifactStore"/>. Uploads and downloads stream through fixed-size buffers: memory stays
/// bounded whatever the file size.
/// </summary>
public sealed class ArtifactApi(ArtifactRepository artifacts, JobRepository jobs, LocalArtifactStore store) : IArtifactService
{
    /// <summary>Largest chunk sent by <see cref="DownloadArtifact"/>.</summary>
    public const int ChunkSize = 64 * 1024;

    /// <inheritdoc />
    public async Task<ListArtifactsResponse> ListArtifacts(ListArtifactsRequest request, CallContext? context = null)
    {
        var ct = Token(context);
        var id = RpcErrors.RequireId(request.JobId, "job_id");
        _ = await jobs.GetAsync(id, ct) ?? throw RpcErrors.NotFound($"job {id} does not exist");
        var response = new ListArtifactsResponse();
        response.Artifacts.AddRange((await artifacts.ListByJobAsync(id, ct)).Select(a => a.ToProto()));
        return response;
    }

    /// <inheritdoc />
    public async Task<GetArtifactResponse> GetArtifact(GetArtifactRequest request, CallContext? context = null)
    {
        var id = RpcErrors.RequireId(request.ArtifactId, "artifact_id");
        var artifact = await artifacts.GetAsync(id, Token(context)) ?? throw RpcErrors.NotFound($"artifact {id} does not exist");
        return new GetArtifactResponse { Artifact = artifact.ToProto() };
    }

    /// <inheritdoc />
    public async Task<UploadArtifactResponse> UploadArtifact(IAsyncEnumerable<UploadArtifactRequest> requests, CallContext? context = null)
    {
        var ct = Token(context);
        await using var messages = requests.GetAsyncEnumerator(ct);
        if (!await messages.MoveNextAsync() || messages.Current.PayloadCase != UploadArtifactRequest.PayloadOneofCase.Header)
            throw RpcErrors.InvalidArgument("the first message of an upload must be the header (name, optional job_id, kind, media_type)", ("header", "missing"));
        var header = messages.Current.Header;
        if (string.IsNullOrWhiteSpace(header.Name))
            throw RpcErrors.InvalidArgument("header.name is required", ("header.name", "required"));
        var jobId = RpcErrors.OptionalId(header.JobId, "header.job_id");
        if (jobId is { } j && await jobs.GetAsync(j, ct) is null)
            throw RpcErrors.NotFound($"job {j} does not exist; upload without job_id or to an existing job");

        // The store reads from a pipe while the chunks arrive: it hashes into a temporary file and renames it
        // into place only when the stream ended well, so a broken upload leaves nothing under a final name.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19));
        var storing = StoreAsync(pipe.Reader, ct);
        try
        {
            while (await messages.MoveNextAsync())
            {
                if (messages.Current.PayloadCase != UploadArtifactRequest.PayloadOneofCase.Chunk)
                    throw RpcErrors.InvalidArgument("only the first message of an upload may be a header; send the content as chunks", ("header", "sent twice"));
                var flushed = await pipe.Writer.WriteAsync(messages.Current.Chunk.Memory, ct);
                if (flushed.IsCompleted)
                    break;
            }
            await pipe.Writer.CompleteAsync();
        }
        catch (Exception e)
        {
            await pipe.Writer.CompleteAsync(e);
            await IgnoreFailure(storing);
            throw;
        }
        var stored = await storing;
        var record = await artifacts.UpsertAsync(jobId, header.Name.Trim(), Or(header.Kind, "upload"), Or(header.MediaType, "application/octet-stream"),
            stored.Size, stored.Sha256, stored.StoragePath, ct);
        return new UploadArtifactResponse { Artifact = record.ToProto() };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DownloadArtifactResponse> DownloadArtifact(DownloadArtifactRequest request, CallContext? context = null)
    {
        var ct = Token(context);
        var id = RpcErrors.RequireId(request.ArtifactId, "artifact_id");
        var artifact = await artifacts.GetAsync(id, ct) ?? throw RpcErrors.NotFound($"artifact {id} does not exist");
        if (request.Offset < 0 || request.Offset > artifact.Size)
            throw new RpcException(StatusCode.OutOfRange, $"offset {request.Offset} is outside artifact {id} of {artifact.Size} bytes; resume from 0 to {artifact.Size}");
        Stream file;
        try
        {
            file = store.Open(artifact.Sha256);
        }
        catch (FileNotFoundException e)
        {
            throw new RpcException(StatusCode.DataLoss, $"artifact {id} is recorded but its content is missing: {e.Message}");
        }
        await using (file)
        {
            file.Seek(request.Offset, SeekOrigin.Begin);
            var offset = request.Offset;
            var first = new DownloadArtifactResponse { Offset = offset, TotalSize = artifact.Size, Sha256 = artifact.Sha256 };
            while (true)
            {
                // A fresh buffer per chunk: the message wraps it without a copy and owns it until written. Uninitialized:
                // the read fills it and only the bytes read are sent, so zeroing it first would only cost time.
                var buffer = GC.AllocateUninitializedArray<byte>((int)Math.Min(ChunkSize, Math.Max(0, artifact.Size - offset)));
                var read = buffer.Length == 0 ? 0 : await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
                if (read == 0 && first is null)
                    yield break;
                var chunk = first ?? new DownloadArtifactResponse { Offset = offset };
                chunk.Data = UnsafeByteOperations.UnsafeWrap(buffer.AsMemory(0, read));
                first = null;
                offset += read;
                yield return chunk;
                if (read == 0)
                    yield break;
            }
        }
    }

    private async Task<StoredArtifact> StoreAsync(PipeReader reader, CancellationToken ct)
    {
        try
        {
            return await store.PutAsync(reader.AsStream(leaveOpen: true), ct);
        }
        finally
        {
            // A store that stopped reading (full disk) must not leave the upload loop waiting on a full pipe.
            await reader.CompleteAsync();
        }
    }

    private static async Task IgnoreFailure(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // The store failed because the upload did; the upload's own error is the one to report.
        }
    }

    private static string Or(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;

    private static CancellationToken Token(CallContext? context) => context?.CancellationToken ?? CancellationToken.None;
}
