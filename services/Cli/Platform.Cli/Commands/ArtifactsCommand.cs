using System.CommandLine;
using Platform.Lab.V1;

namespace Platform.Cli.Commands;

/// <summary><c>platform artifacts get|put|list</c>.</summary>
public static class ArtifactsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext cli)
    {
        var artifacts = new Command("artifacts", "Download and upload files");
        artifacts.Subcommands.Add(Get(cli));
        artifacts.Subcommands.Add(Put(cli));
        artifacts.Subcommands.Add(List(cli));
        return artifacts;
    }

    private static Command Get(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "Artifact id" };
        var output = new Option<string>("--output", "-o") { Description = "File to write; an existing partial file is continued", Required = true };
        var command = new Command("get", "Download an artifact (resumable) and verify its sha256") { id, output };
        command.SetAction((parse, ct) => JobsCommand.Run(cli, parse, async channel =>
        {
            var size = await ArtifactTransfer.DownloadAsync(cli.Artifacts(channel), parse.GetValue(id)!, parse.GetValue(output)!, ct);
            Console.WriteLine($"{parse.GetValue(output)} {size} bytes, sha256 verified");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Put(CliContext cli)
    {
        var file = new Argument<string>("file") { Description = "File to upload" };
        var job = new Option<string?>("--job", "-j") { Description = "Attach it to this job" };
        var name = new Option<string?>("--name", "-n") { Description = "Artifact name (default: the file name)" };
        var kind = new Option<string?>("--kind") { Description = "What it is for (default: upload)" };
        var command = new Command("put", "Upload a file; prints the artifact id and sha256") { file, job, name, kind };
        command.SetAction((parse, ct) => JobsCommand.Run(cli, parse, async channel =>
        {
            var path = parse.GetValue(file)!;
            var header = new UploadArtifactHeader { JobId = parse.GetValue(job) ?? "", Name = parse.GetValue(name) ?? Path.GetFileName(path), Kind = parse.GetValue(kind) ?? "" };
            var artifact = await ArtifactTransfer.UploadAsync(cli.Artifacts(channel), path, header, ct);
            Console.WriteLine($"{artifact.Id} {artifact.Sha256} {artifact.Size}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List(CliContext cli)
    {
        var job = new Argument<string>("job") { Description = "Job id" };
        var command = new Command("list", "List the artifacts of a job") { job };
        command.SetAction((parse, ct) => JobsCommand.Run(cli, parse, async channel =>
        {
            foreach (var a in (await cli.Artifacts(channel).ListArtifacts(new ListArtifactsRequest { JobId = parse.GetValue(job)! })).Artifacts)
                Console.WriteLine($"{a.Id} {a.Name} {a.Size} {a.Sha256}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
