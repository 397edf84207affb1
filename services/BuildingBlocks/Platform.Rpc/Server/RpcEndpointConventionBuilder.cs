using Microsoft.AspNetCore.Builder;

namespace Platform.Rpc.Server;

/// <summary>Applies conventions (authorization, metadata, …) to every endpoint of the mapped rpc services.</summary>
public sealed class RpcEndpointConventionBuilder : IEndpointConventionBuilder
{
    private readonly IReadOnlyList<IEndpointConventionBuilder> _builders;

    internal RpcEndpointConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders)
    {
        _builders = builders;
    }

    /// <inheritdoc/>
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in _builders)
        {
            builder.Add(convention);
        }
    }

    /// <inheritdoc/>
    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var builder in _builders)
        {
            builder.Finally(finallyConvention);
        }
    }
}
