using FluentAssertions;
using Platform.Contracts.Training;
using Platform.Vision.Datasets;
using Platform.Vision.Models;

namespace Platform.Training.Tests.Training;

public sealed class TrainingCatalogTests
{
    [Fact]
    public void WhatLabAcceptsIsExactlyWhatWorkersCanBuild()
    {
        TrainingCatalog.Models.Should().BeEquivalentTo(ModelZoo.Names);
        TrainingCatalog.Datasets.Should().BeEquivalentTo(BuiltinDatasets.Names);
    }
}
