using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace Platform.Rpc.Protocol;

/// <summary>Converts <see cref="Metadata"/> to and from HTTP/2 header fields (binary values as base64).</summary>
public static class MetadataHeaders
{
    /// <summary>Base64 without padding, as gRPC implementations should emit for <c>-bin</c> values.</summary>
    public static string EncodeBinary(byte[] value) => Convert.ToBase64String(value).TrimEnd('=');

    /// <summary>Decodes base64 with or without padding.</summary>
    public static byte[] DecodeBinary(string value)
    {
        value = value.Trim();
        var padding = value.Length % 4;
        if (padding != 0)
        {
            value += new string('=', 4 - padding);
        }

        return Convert.FromBase64String(value);
    }

    /// <summary>Adds the entries to server response headers or trailers, skipping protocol-owned names.</summary>
    public static void WriteTo(Metadata metadata, IHeaderDictionary headers)
    {
        foreach (var entry in metadata)
        {
            if (GrpcHeaders.IsReserved(entry.Key))
            {
                continue;
            }

            var value = entry.IsBinary ? EncodeBinary(entry.ValueBytes) : entry.Value;
            headers.Append(entry.Key, value);
        }
    }

    /// <summary>Adds the entries to client request headers, skipping protocol-owned names.</summary>
    public static void WriteTo(Metadata metadata, HttpHeaders headers)
    {
        foreach (var entry in metadata)
        {
            if (GrpcHeaders.IsReserved(entry.Key))
            {
                continue;
            }

            var value = entry.IsBinary ? EncodeBinary(entry.ValueBytes) : entry.Value;
            headers.TryAddWithoutValidation(entry.Key, value);
        }
    }

    /// <summary>Reads server request headers into metadata.</summary>
    public static void ReadFrom(IHeaderDictionary headers, Metadata metadata)
    {
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                Add(metadata, name, value ?? "");
            }
        }
    }

    /// <summary>Reads client response headers or trailers into metadata.</summary>
    public static void ReadFrom(HttpHeaders headers, Metadata metadata)
    {
        foreach (var (name, values) in headers.NonValidated)
        {
            foreach (var value in values)
            {
                Add(metadata, name, value);
            }
        }
    }

    private static void Add(Metadata metadata, string name, string value)
    {
        if (GrpcHeaders.IsReserved(name))
        {
            return;
        }

        var key = name.ToLowerInvariant();
        if (key.EndsWith(Metadata.BinarySuffix, StringComparison.Ordinal))
        {
            // Several binary values may arrive joined with commas in one header field.
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                metadata.AddRaw(new MetadataEntry(key, DecodeBinaryOrEmpty(part)));
            }
        }
        else
        {
            metadata.AddRaw(new MetadataEntry(key, value));
        }
    }

    // A peer's malformed base64 in one metadata value must not fail the whole call; the entry stays, empty.
    private static byte[] DecodeBinaryOrEmpty(string value)
    {
        try
        {
            return DecodeBinary(value);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
