namespace Platform.Rpc;

/// <summary>
/// Marks an interface generated from a proto service; <see cref="BinderType"/> is the generated
/// <c>{Service}Rpc</c> class that binds the interface's methods to the service's rpcs.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class RpcContractAttribute(Type binderType) : Attribute
{
    /// <summary>The generated binder type (implements <see cref="Server.IRpcServiceBinder{TService}"/>).</summary>
    public Type BinderType { get; } = binderType;
}
