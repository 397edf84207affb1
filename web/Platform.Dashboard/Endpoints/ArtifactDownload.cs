using Microsoft.AspNetCore.Http;
using Platform.Dashboard.Lab;
using Platform.Lab.V1;
using Platform.Rpc;

namespace Platform.Dashboard.Endpoints;

/// <summary><c>GET /artifacts/{id}/download</c>: streams an artifact from Lab's DownloadArtifact to the browser as it arrives.</summary>
public static class ArtifactDownload
{
    public static async Task Serve(string id, HttpContext http, LabClient lab)
    {
        var ct = http.RequestAborted;
        Platform.Common.V1.Artifact artifact;
        try
        {
            artifact = (await lab.Artifacts.GetArtifact(new GetArtifactRequest { ArtifactId = id }, new CallContext().WithCancellation(ct))).Artifact;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsync($"artifact {id}: {e.Status.Detail}", ct);
            return;
        }
        http.Response.ContentType = artifact.MediaType.Length > 0 ? artifact.MediaType : "application/octet-stream";
        http.Response.ContentLength = artifact.Size;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{Path.GetFileName(artifact.Name)}\"";
        var chunks = lab.Artifacts.DownloadArtifact(new DownloadArtifactRequest { ArtifactId = id }, new CallContext().WithCancellation(ct));
        await foreach (var chunk in chunks.WithCancellation(ct))
            await http.Response.Body.WriteAsync(chunk.Data.Memory, ct);
    }
}
