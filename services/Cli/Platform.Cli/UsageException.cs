namespace Platform.Cli;

/// <summary>The command line asks for something impossible (a missing spec file, a bad output path); exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
