using Simulation.Core.Catalogue;
using Simulation.Core.Model;

namespace Simulation.Core.Tests.Model;

/// <summary>One month of one run as the model reported it, with the series named for readable tests.</summary>
public sealed class MonthRecord(double[] values)
{
    public double[] Values { get; } = values;

    public long Workers => (long)Values[(int)Series.Workers];

    public long Arrivals => (long)Values[(int)Series.Arrivals];

    public long Returns => (long)Values[(int)Series.Returns];

    public long Expelled => (long)Values[(int)Series.Expelled];

    public double RemittancesUsd => Values[(int)Series.RemittancesUsd];

    public double CumulativeRemittancesUsd => Values[(int)Series.CumulativeRemittancesUsd];

    public bool Enforced => Values[(int)Series.Enforced] == 1;

    public bool Postwar => Values[(int)Series.Postwar] == 1;
}
