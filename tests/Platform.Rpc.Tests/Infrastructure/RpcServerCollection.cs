namespace Platform.Rpc.Tests.Infrastructure;

/// <summary>Tests that share one running <see cref="RpcTestServer"/>.</summary>
[CollectionDefinition(Name)]
public sealed class RpcServerCollection : ICollectionFixture<RpcTestServer>
{
    public const string Name = "rpc server";
}
