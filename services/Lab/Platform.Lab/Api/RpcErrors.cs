using System.Text.RegularExpressions;
using Google.Rpc;
using Platform.Messaging.Jobs;
using Platform.Rpc;

namespace Platform.Lab.Api;

/// <summary>
/// The errors the Lab API answers with: standard codes, a message a person can act on, and for bad input a
/// <c>google.rpc.BadRequest</c> in <c>grpc-status-details-bin</c> naming each field and what is wrong with it.
/// </summary>
internal static partial class RpcErrors
{
    public static RpcException InvalidArgument(string message, params (string Field, string Description)[] violations)
    {
        var badRequest = new BadRequest();
        foreach (var (field, description) in violations)
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return new RpcException(RpcException.CreateDetails(StatusCode.InvalidArgument, message, badRequest));
    }

    /// <summary>Each problem of a refused spec as a violation of <c>kind</c> or <c>spec_json.&lt;field&gt;</c>.</summary>
    public static RpcException InvalidSpec(JobSpecException e)
    {
        var violations = e.Problems.Select(p => (FieldOf(p), p)).ToArray();
        return InvalidArgument(e.Message, violations);
    }

    public static RpcException NotFound(string message) => new(StatusCode.NotFound, message);

    public static RpcException FailedPrecondition(string message) => new(StatusCode.FailedPrecondition, message);

    /// <summary>Parses a required id; a missing or malformed one is INVALID_ARGUMENT naming the field.</summary>
    public static Guid RequireId(string value, string field) =>
        Guid.TryParse(value, out var id)
            ? id
            : throw InvalidArgument($"{field} '{value}' is not a valid id; pass the UUID returned when it was created",
                (field, string.IsNullOrEmpty(value) ? "required" : $"'{value}' is not a UUID"));

    /// <summary>Parses an optional id (empty = none).</summary>
    public static Guid? OptionalId(string value, string field) =>
        string.IsNullOrEmpty(value) ? null : RequireId(value, field);

    private static string FieldOf(string problem)
    {
        if (problem.StartsWith("unknown job kind", StringComparison.Ordinal))
            return "kind";
        var path = JsonPath().Match(problem);
        if (path.Success)
            return "spec_json." + path.Groups[1].Value;
        var leading = LeadingName().Match(problem);
        return leading.Success ? "spec_json." + leading.Groups[1].Value : "spec_json";
    }

    [GeneratedRegex(@" at \$\.([A-Za-z_][A-Za-z0-9_.\[\]]*)")]
    private static partial Regex JsonPath();

    [GeneratedRegex(@"^([a-z][A-Za-z0-9]*) must ")]
    private static partial Regex LeadingName();
}
