namespace Platform.Curvature.Tests.Api;

/// <summary>One server (and one trained model) shared by the API tests; in the torch collection so they do not overlap other libtorch tests.</summary>
[CollectionDefinition(Name)]
public sealed class CurvatureApiCollection : ICollectionFixture<CurvatureApiServer>
{
    public const string Name = "torch";
}
