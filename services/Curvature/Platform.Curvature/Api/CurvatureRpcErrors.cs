using Google.Rpc;
using Platform.Messaging.Jobs;
using Platform.Rpc;

namespace Platform.Curvature.Api;

/// <summary>
/// The errors the Curvature API answers with: INVALID_ARGUMENT carries a <c>google.rpc.BadRequest</c> naming each
/// field and what to change, so a script can show every problem at once.
/// </summary>
internal static class CurvatureRpcErrors
{
    public static RpcException InvalidArgument(IReadOnlyList<(string Field, string Description)> violations)
    {
        var badRequest = new BadRequest();
        foreach (var (field, description) in violations)
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        var message = string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
        return new RpcException(RpcException.CreateDetails(StatusCode.InvalidArgument, message, badRequest));
    }

    public static RpcException InvalidArgument(string field, string description) => InvalidArgument([(field, description)]);

    public static RpcException InvalidSpec(JobSpecException e) =>
        InvalidArgument(e.Problems.Select(p => (FieldOf(p), p)).ToList());

    public static void ThrowIfAny(List<(string Field, string Description)> violations)
    {
        if (violations.Count > 0)
            throw InvalidArgument(violations);
    }

    private static string FieldOf(string problem)
    {
        var space = problem.IndexOf(' ');
        var first = space > 0 ? problem[..space] : problem;
        return first.All(c => char.IsLetterOrDigit(c) || c == '.') && char.IsLower(first[0]) ? first : "request";
    }
}
