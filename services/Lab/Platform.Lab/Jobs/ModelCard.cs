using System.Text.Json;

namespace Platform.Lab.Jobs;

/// <summary>Reads the fields Lab needs from a model card (the JSON metadata of a <c>model</c> artifact).</summary>
internal static class ModelCard
{
    public static bool TryRead(string? json, out string name, out string architecture)
    {
        name = architecture = "";
        if (string.IsNullOrWhiteSpace(json))
            return false;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String)
                return false;
            name = n.GetString()!;
            architecture = doc.RootElement.TryGetProperty("architecture", out var a) && a.ValueKind == JsonValueKind.String
                ? a.GetString()!
                : "";
            return name.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
