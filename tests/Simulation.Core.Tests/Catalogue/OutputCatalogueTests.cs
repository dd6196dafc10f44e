using Simulation.Core.Catalogue;
using Simulation.Core.Model;

namespace Simulation.Core.Tests.Catalogue;

public class OutputCatalogueTests
{
    [Fact]
    public void Definitions_FollowTheEnumsOrderWithUniqueNames()
    {
        Assert.Equal(OutputCatalogue.MetricCount, Enum.GetValues<Metric>().Length);
        Assert.Equal(Enum.GetValues<Series>().Length, OutputCatalogue.SeriesCount);
        Assert.Equal("workers", OutputCatalogue.Of(Series.Workers).Name);
        Assert.Equal("postwar", OutputCatalogue.Of(Series.Postwar).Name);
        Assert.Equal("peak_workers", OutputCatalogue.Of(Metric.PeakWorkers).Name);
        Assert.Equal("ceasefire_month", OutputCatalogue.Of(Metric.CeasefireMonth).Name);
        Assert.Equal(OutputCatalogue.SeriesCount, OutputCatalogue.AllSeries.Select(d => d.Name).Distinct().Count());
        Assert.Equal(OutputCatalogue.MetricCount, OutputCatalogue.MetricNames.Distinct().Count());
    }

    [Fact]
    public void Kinds_MarkMoneyProbabilitiesAndCensoring()
    {
        Assert.Equal(OutputKind.ZeroOne, OutputCatalogue.Of(Series.Enforced).Kind);
        Assert.Equal(OutputKind.Stock, OutputCatalogue.Of(Series.Workers).Kind);
        Assert.True(OutputCatalogue.Of(Metric.RemittancesUsd).IsMoney);
        Assert.Equal([Metric.FirstEnforcementMonth, Metric.CeasefireMonth, Metric.TriggerMonth], Enum.GetValues<Metric>().Where(m => OutputCatalogue.Of(m).Censored));
    }

    [Fact]
    public void TryParseMetric_KnownAndUnknownNames()
    {
        Assert.True(OutputCatalogue.TryParseMetric("worker_months", out var metric));
        Assert.Equal(Metric.WorkerMonths, metric);
        Assert.False(OutputCatalogue.TryParseMetric("workers", out _));
    }
}
