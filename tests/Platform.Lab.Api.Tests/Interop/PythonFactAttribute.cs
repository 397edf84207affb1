namespace Platform.Lab.Api.Tests.Interop;

/// <summary>A fact that needs Debian's python3-grpcio (C-core); skipped, with the install command, when it is missing.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (InteropPeers.PythonSkipReason is { } reason)
            Skip = reason;
    }
}
