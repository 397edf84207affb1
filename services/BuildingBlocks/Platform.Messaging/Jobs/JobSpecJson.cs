using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Messaging.Jobs;

/// <summary>The one JSON convention for specs and results: camelCase, enums as strings, unknown fields refused.</summary>
public static class JobSpecJson
{
    /// <summary>Options used everywhere specs are read or written.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = false,
    };
}
