namespace Platform.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
public static class ExitCodes
{
    /// <summary>Done; for a watched job, it succeeded.</summary>
    public const int Ok = 0;

    /// <summary>The watched job failed or was canceled (or another server-side failure).</summary>
    public const int JobFailed = 1;

    /// <summary>Bad usage or an argument the server refused (INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE).</summary>
    public const int Usage = 2;

    /// <summary>No such job or artifact.</summary>
    public const int NotFound = 3;

    /// <summary>The server could not be reached (UNAVAILABLE, DEADLINE_EXCEEDED on connect).</summary>
    public const int Unreachable = 4;
}
