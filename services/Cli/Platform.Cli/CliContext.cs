using System.CommandLine;
using Platform.Lab.V1;
using Platform.Rpc.Client;

namespace Platform.Cli;

/// <summary>The global <c>--address</c> option and the clients built from it.</summary>
public sealed class CliContext
{
    /// <summary>The default address when neither <c>--address</c> nor <c>PLATFORM_ADDRESS</c> is set.</summary>
    public const string DefaultAddress = "http://127.0.0.1:5081";

    /// <summary><c>--address</c>: the Lab gRPC address.</summary>
    public Option<string> Address { get; } = new("--address", "-a")
    {
        Description = "Lab gRPC address (default: $PLATFORM_ADDRESS or " + DefaultAddress + ")",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PLATFORM_ADDRESS") is { Length: > 0 } a ? a : DefaultAddress,
    };

    /// <summary>A channel to the address the command line names.</summary>
    public RpcChannel Channel(ParseResult parse) => RpcChannel.ForAddress(parse.GetValue(Address)!);

    /// <summary>A job client.</summary>
    public JobServiceClient Jobs(RpcChannel channel) => new(channel);

    /// <summary>An artifact client.</summary>
    public ArtifactServiceClient Artifacts(RpcChannel channel) => new(channel);
}
