namespace Platform.Rpc.Tests.Interop;

/// <summary>A fact that needs Debian's python3-grpcio (gRPC C-core); skipped, with the install command, when it is missing.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (InteropEnvironment.PythonSkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
