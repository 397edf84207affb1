global using FluentAssertions;
global using Platform.Lab.V1;
