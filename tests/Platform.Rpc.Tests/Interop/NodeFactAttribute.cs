namespace Platform.Rpc.Tests.Interop;

/// <summary>A fact that needs Node and the grpc-js packages; skipped, with the install command, when they are missing.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (InteropEnvironment.NodeSkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
