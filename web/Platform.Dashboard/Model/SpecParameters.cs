using System.Text.Json;

namespace Platform.Dashboard.Model;

/// <summary>A job's spec JSON as flat (path, value) rows, e.g. <c>optimizer.lr = 0.002</c>, for the parameters table.</summary>
public static class SpecParameters
{
    public static IReadOnlyList<(string Path, string Value)> Flatten(string specJson)
    {
        var rows = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(specJson))
            return rows;
        using var document = JsonDocument.Parse(specJson);
        Walk(document.RootElement, "", rows);
        return rows;
    }

    private static void Walk(JsonElement element, string path, List<(string, string)> rows)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", rows);
                break;
            case JsonValueKind.Array when element.GetArrayLength() > 20:
                rows.Add((path, $"[{element.GetArrayLength()} items]"));
                break;
            case JsonValueKind.String:
                rows.Add((path, element.GetString()!));
                break;
            case JsonValueKind.Null:
                rows.Add((path, "null"));
                break;
            default:
                rows.Add((path, element.GetRawText()));
                break;
        }
    }
}
