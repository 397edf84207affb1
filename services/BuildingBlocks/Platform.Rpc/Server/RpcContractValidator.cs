using Google.Protobuf.Reflection;

namespace Platform.Rpc.Server;

/// <summary>
/// Startup safety net: checks that a binder binds every rpc of its proto service with the right shape and
/// message types. Generated binders pass by construction; a hand-written one gets one error listing every problem.
/// </summary>
internal static class RpcContractValidator
{
    public static void Validate<TService>(ServiceDescriptor descriptor, IReadOnlyList<ServerMethod<TService>> methods)
        where TService : class
    {
        var problems = new List<string>();
        foreach (var rpc in descriptor.Methods)
        {
            var bound = methods.FirstOrDefault(m => m.Name == rpc.Name);
            if (bound is null)
            {
                problems.Add($"rpc {rpc.Name} is not bound");
                continue;
            }

            if (bound.IsClientStreaming != rpc.IsClientStreaming || bound.IsServerStreaming != rpc.IsServerStreaming)
            {
                problems.Add($"rpc {rpc.Name} is bound as {bound.Type} but the proto declares client_streaming={rpc.IsClientStreaming}, server_streaming={rpc.IsServerStreaming}");
            }

            if (bound.RequestType != rpc.InputType.ClrType || bound.ResponseType != rpc.OutputType.ClrType)
            {
                problems.Add($"rpc {rpc.Name} is bound with ({bound.RequestType.Name}) → {bound.ResponseType.Name} but the proto declares ({rpc.InputType.FullName}) → {rpc.OutputType.FullName}");
            }
        }

        foreach (var extra in methods.Where(m => descriptor.Methods.All(r => r.Name != m.Name)))
        {
            problems.Add($"{extra.FullName} is bound but service {descriptor.FullName} has no rpc {extra.Name}");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{typeof(TService).Name} does not match service {descriptor.FullName} in {descriptor.File.Name}:{Environment.NewLine}  - " + string.Join(Environment.NewLine + "  - ", problems));
        }
    }
}
