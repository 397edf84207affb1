using System.Net.Http;
using Google.Rpc;
using Platform.Rpc;
using Spectre.Console;

namespace Platform.Cli;

/// <summary>Runs a command body and turns errors into a message on stderr and an exit code from <see cref="ExitCodes"/>.</summary>
public static class RpcErrorReporter
{
    /// <summary>Runs <paramref name="body"/>; maps a failed call to its exit code.</summary>
    public static async Task<int> RunAsync(string address, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (RpcException e)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Status.Detail)} [grey]({e.StatusCode})[/]");
            foreach (var violation in e.GetDetail<BadRequest>()?.FieldViolations ?? [])
                console.MarkupLine($"  [yellow]{Markup.Escape(violation.Field)}[/]: {Markup.Escape(violation.Description)}");
            return e.StatusCode switch
            {
                StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange or StatusCode.AlreadyExists => ExitCodes.Usage,
                StatusCode.NotFound => ExitCodes.NotFound,
                StatusCode.Unavailable => ExitCodes.Unreachable,
                _ => ExitCodes.JobFailed,
            };
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"error: cannot reach the Lab at {address} ({e.Message}); start it with `platform serve` or set --address / PLATFORM_ADDRESS");
            return ExitCodes.Unreachable;
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return ExitCodes.Usage;
        }
    }
}
