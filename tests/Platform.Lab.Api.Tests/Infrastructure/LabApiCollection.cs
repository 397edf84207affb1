namespace Platform.Lab.Api.Tests.Infrastructure;

/// <summary>One Lab server shared by the test classes (starting one costs a second).</summary>
[CollectionDefinition(Name)]
public sealed class LabApiCollection : ICollectionFixture<LabApiServer>
{
    public const string Name = "Lab API server";
}
