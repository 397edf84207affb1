namespace Platform.Lab.Tests.Workflows;

public sealed class SqliteWorkflowEngineTests : WorkflowEngineScenarios
{
    protected override Task<IDictionary<string, string?>> DatabaseSettingsAsync() =>
        Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>());

    [Fact]
    public Task AdvancesStepByStepAndSucceedsOnSqlite() => AdvancesStepByStepAndSucceeds();

    [Fact]
    public Task DuplicatedEventsAndSignalsSubmitEachChildOnceOnSqlite() => DuplicatedEventsAndSignalsSubmitEachChildOnce();

    [Fact]
    public Task AFailedChildFailsTheWorkflowWithItsMessageOnSqlite() => AFailedChildFailsTheWorkflowWithItsMessage();

    [Fact]
    public Task CancelingTheWorkflowCancelsItsChildrenOnSqlite() => CancelingTheWorkflowCancelsItsChildren();

    [Fact]
    public Task ARestartedLabContinuesTheWorkflowOnSqlite() => ARestartedLabContinuesTheWorkflow();
}
