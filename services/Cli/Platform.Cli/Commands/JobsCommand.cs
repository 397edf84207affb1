using System.CommandLine;
using Platform.Lab.V1;

namespace Platform.Cli.Commands;

/// <summary><c>platform jobs submit|list|get|watch|cancel|retry</c>.</summary>
public static class JobsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext cli)
    {
        var jobs = new Command("jobs", "Submit, list, follow and control jobs");
        jobs.Subcommands.Add(Submit(cli));
        jobs.Subcommands.Add(List(cli));
        jobs.Subcommands.Add(Get(cli));
        jobs.Subcommands.Add(Watch(cli));
        jobs.Subcommands.Add(Cancel(cli));
        jobs.Subcommands.Add(Retry(cli));
        return jobs;
    }

    private static Command Submit(CliContext cli)
    {
        var kind = new Argument<string>("kind") { Description = "Job kind, e.g. system.selftest (see the error of an unknown kind for the list)" };
        var spec = new Option<string?>("--spec", "-s") { Description = "Spec as JSON, or @FILE to read it from a file" };
        var name = new Option<string?>("--name", "-n") { Description = "A label for the job" };
        var watch = new Option<bool>("--watch", "-w") { Description = "Follow the job to its end; exit 1 if it did not succeed" };
        var command = new Command("submit", "Submit a job; prints its id") { kind, spec, name, watch };
        command.SetAction((parse, ct) => Run(cli, parse, async channel =>
        {
            var specJson = parse.GetValue(spec) is { } s && s.StartsWith('@') ? await ReadSpecFileAsync(s[1..], ct) : parse.GetValue(spec) ?? "";
            var response = await cli.Jobs(channel).SubmitJob(new SubmitJobRequest { Kind = parse.GetValue(kind)!, SpecJson = specJson, Name = parse.GetValue(name) ?? "" });
            Console.WriteLine(response.JobId);
            return parse.GetValue(watch) ? await JobWatcher.WatchAsync(cli.Jobs(channel), response.JobId, ct) : ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List(CliContext cli)
    {
        var states = new Option<JobState[]>("--state") { Description = "Only these states (queued, running, stalled, succeeded, failed, canceled); repeatable", AllowMultipleArgumentsPerToken = true, CustomParser = ParseStates };
        var kind = new Option<string?>("--kind", "-k") { Description = "Only this kind" };
        var limit = new Option<int>("--limit") { Description = "At most this many jobs, newest first", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List jobs, newest first") { states, kind, limit };
        command.SetAction((parse, ct) => Run(cli, parse, async channel =>
        {
            var request = new ListJobsRequest { Kind = parse.GetValue(kind) ?? "", PageSize = Math.Clamp(parse.GetValue(limit), 1, 1000) };
            request.States.AddRange(parse.GetValue(states) ?? []);
            JobView.WriteTable((await cli.Jobs(channel).ListJobs(request)).Jobs);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Get(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "Job id" };
        var command = new Command("get", "Show a job") { id };
        command.SetAction((parse, ct) => Run(cli, parse, async channel =>
        {
            JobView.WriteDetails((await cli.Jobs(channel).GetJob(new GetJobRequest { JobId = parse.GetValue(id)! })).Job);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Watch(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "Job id" };
        var command = new Command("watch", "Follow a job with a live progress bar; exit 0 if it succeeded, 1 if it failed or was canceled") { id };
        command.SetAction((parse, ct) => Run(cli, parse, channel => JobWatcher.WatchAsync(cli.Jobs(channel), parse.GetValue(id)!, ct)));
        return command;
    }

    private static Command Cancel(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "Job id" };
        var command = new Command("cancel", "Cancel a job (a running one stops within a few seconds)") { id };
        command.SetAction((parse, ct) => Run(cli, parse, async channel =>
        {
            var job = (await cli.Jobs(channel).CancelJob(new CancelJobRequest { JobId = parse.GetValue(id)! })).Job;
            Console.WriteLine($"{job.Id} {JobView.StateName(job.State)}{(job.CancelRequested && job.State != JobState.Canceled ? " (cancel requested)" : "")}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Retry(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "Job id of a failed, canceled or stalled job" };
        var fromScratch = new Option<bool>("--from-scratch") { Description = "Start over instead of resuming from the last checkpoint" };
        var command = new Command("retry", "Queue a failed, canceled or stalled job again") { id, fromScratch };
        command.SetAction((parse, ct) => Run(cli, parse, async channel =>
        {
            var job = (await cli.Jobs(channel).RetryJob(new RetryJobRequest { JobId = parse.GetValue(id)!, FromScratch = parse.GetValue(fromScratch) })).Job;
            Console.WriteLine($"{job.Id} {JobView.StateName(job.State)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    internal static Task<int> Run(CliContext cli, ParseResult parse, Func<Rpc.Client.RpcChannel, Task<int>> body)
    {
        var address = parse.GetValue(cli.Address)!;
        return RpcErrorReporter.RunAsync(address, async () =>
        {
            using var channel = cli.Channel(parse);
            return await body(channel);
        });
    }

    private static async Task<string> ReadSpecFileAsync(string path, CancellationToken ct) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : throw new UsageException($"spec file {path} does not exist");

    private static JobState[] ParseStates(System.CommandLine.Parsing.ArgumentResult result)
    {
        var states = new List<JobState>();
        foreach (var token in result.Tokens)
        {
            foreach (var part in token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Enum.TryParse<JobState>(part, ignoreCase: true, out var state) && state != JobState.Unspecified)
                    states.Add(state);
                else
                    result.AddError($"'{part}' is not a job state; use queued, running, stalled, succeeded, failed or canceled");
            }
        }
        return [.. states];
    }
}
