namespace Platform.Dashboard.Tests.Browser;

/// <summary>One host and browser for the browser tests (starting them costs seconds).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardHost>
{
    public const string Name = "Dashboard in a real host";
}
