namespace Platform.Lab.Api.Tests.Interop;

/// <summary>A fact that needs Node and grpc-js; skipped, with the install command, when they are missing.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (InteropPeers.NodeSkipReason is { } reason)
            Skip = reason;
    }
}
