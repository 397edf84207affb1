using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.AspNetCore.Http;

namespace Platform.Dashboard.Endpoints;

/// <summary>
/// Serves <c>/_framework/blazor.web.js</c>. .NET 10's only source of it (Microsoft.AspNetCore.App.Internal.Assets)
/// cannot be restored here, so the build embeds the 9.0 runtime pack's Components.Endpoints.dll, which carries the
/// script as a manifest resource, and this class reads it out (the assembly is never loaded).
/// </summary>
public static class BlazorScript
{
    /// <summary>The path pages load the script from.</summary>
    public const string Path = "/_framework/blazor.web.js";

    private const string SourceResource = "blazor-script-source.dll";
    private const string ScriptResource = "_framework/blazor.web.js";

    private static readonly Lazy<byte[]> Content = new(Extract);

    /// <summary>The script, cached by browsers for a day.</summary>
    public static IResult Serve(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Bytes(Content.Value, "text/javascript");
    }

    /// <summary>The script's bytes.</summary>
    public static byte[] Extract()
    {
        using var source = typeof(BlazorScript).Assembly.GetManifestResourceStream(SourceResource)
            ?? throw new InvalidOperationException($"{SourceResource} is not embedded in Platform.Dashboard; rebuild it after a restore");
        using var pe = new PEReader(source);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!metadata.StringComparer.Equals(resource.Name, ScriptResource))
                continue;
            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var block = pe.GetSectionData(directory.RelativeVirtualAddress);
            var reader = block.GetReader((int)resource.Offset, block.Length - (int)resource.Offset);
            var length = reader.ReadInt32();
            return reader.ReadBytes(length);
        }
        throw new InvalidOperationException($"{ScriptResource} not found in the embedded {SourceResource}");
    }
}
