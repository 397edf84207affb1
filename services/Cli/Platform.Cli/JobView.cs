using Platform.Lab.V1;
using Spectre.Console;

namespace Platform.Cli;

/// <summary>How jobs are printed.</summary>
public static class JobView
{
    /// <summary>A table of jobs, one per row.</summary>
    public static void WriteTable(IEnumerable<Job> jobs)
    {
        var table = new Table().AddColumns("id", "kind", "name", "state", "progress", "created (UTC)");
        foreach (var job in jobs)
            table.AddRow(job.Id, Markup.Escape(job.Kind), Markup.Escape(job.Name), StateMarkup(job.State), Progress(job), job.CreateTime?.ToDateTime().ToString("yyyy-MM-dd HH:mm:ss") ?? "");
        AnsiConsole.Write(table);
    }

    /// <summary>Every field of one job.</summary>
    public static void WriteDetails(Job job)
    {
        var grid = new Grid().AddColumns(2);
        void Row(string name, string value) => grid.AddRow($"[grey]{name}[/]", value);
        Row("id", job.Id);
        Row("kind", Markup.Escape(job.Kind));
        Row("name", Markup.Escape(job.Name));
        Row("state", StateMarkup(job.State));
        Row("progress", Markup.Escape($"{Progress(job)} {job.ProgressMessage}"));
        Row("attempt", job.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row("worker", Markup.Escape($"{job.Worker} {job.Device}"));
        Row("spec", Markup.Escape(job.SpecJson));
        if (job.Error.Length > 0)
            Row("error", "[red]" + Markup.Escape(job.Error) + "[/]");
        if (job.ResultJson.Length > 0)
            Row("result", Markup.Escape(job.ResultJson));
        AnsiConsole.Write(grid);
    }

    /// <summary>The state without its enum prefix, lower case: <c>succeeded</c>.</summary>
    public static string StateName(JobState state) => state.ToString().ToLowerInvariant();

    private static string StateMarkup(JobState state) => state switch
    {
        JobState.Succeeded => "[green]succeeded[/]",
        JobState.Failed => "[red]failed[/]",
        JobState.Canceled => "[yellow]canceled[/]",
        _ => StateName(state),
    };

    private static string Progress(Job job) =>
        job.ProgressLimit > 0 ? $"{job.ProgressValue:0.##}/{job.ProgressLimit:0.##}" : "";
}
