using System.CommandLine;
using Platform.Cli;
using Platform.Cli.Commands;

var cli = new CliContext();
var root = new RootCommand("platform: the command line of the lab platform (Lab gRPC API client)") { cli.Address };
root.Subcommands.Add(JobsCommand.Create(cli));
root.Subcommands.Add(ArtifactsCommand.Create(cli));
root.Subcommands.Add(TrainCommand.Create(cli));
root.Subcommands.Add(ServeCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        await Console.Error.WriteLineAsync("error: " + error.Message);
    await Console.Error.WriteLineAsync("Run `platform --help` for usage.");
    return ExitCodes.Usage;
}
try
{
    return await parse.InvokeAsync();
}
catch (UsageException e)
{
    await Console.Error.WriteLineAsync("error: " + e.Message);
    return ExitCodes.Usage;
}
