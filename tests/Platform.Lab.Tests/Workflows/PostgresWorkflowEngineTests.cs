using Platform.TestSupport;

namespace Platform.Lab.Tests.Workflows;

public sealed class PostgresWorkflowEngineTests : WorkflowEngineScenarios
{
    private PostgresDatabase? database;

    protected override async Task<IDictionary<string, string?>> DatabaseSettingsAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        return new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = "Postgres",
            ["Persistence:ConnectionString"] = database.ConnectionString,
        };
    }

    protected override async Task DropDatabaseAsync()
    {
        if (database is not null)
            await database.DisposeAsync();
    }

    [RequiresPostgresFact]
    public Task AdvancesStepByStepAndSucceedsOnPostgres() => AdvancesStepByStepAndSucceeds();

    [RequiresPostgresFact]
    public Task DuplicatedEventsAndSignalsSubmitEachChildOnceOnPostgres() => DuplicatedEventsAndSignalsSubmitEachChildOnce();

    [RequiresPostgresFact]
    public Task AFailedChildFailsTheWorkflowWithItsMessageOnPostgres() => AFailedChildFailsTheWorkflowWithItsMessage();

    [RequiresPostgresFact]
    public Task CancelingTheWorkflowCancelsItsChildrenOnPostgres() => CancelingTheWorkflowCancelsItsChildren();

    [RequiresPostgresFact]
    public Task ARestartedLabContinuesTheWorkflowOnPostgres() => ARestartedLabContinuesTheWorkflow();
}
