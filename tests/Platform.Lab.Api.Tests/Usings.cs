global using FluentAssertions;
global using Platform.Lab.V1;
global using Platform.Rpc;
global using Xunit;
