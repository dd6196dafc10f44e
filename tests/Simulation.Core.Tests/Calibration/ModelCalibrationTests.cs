using Simulation.Core.Calendar;
using Simulation.Core.Calibration;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.Tests.Model;
using Simulation.Testing;

namespace Simulation.Core.Tests.Calibration;

public class ModelCalibrationTests
{
    private static readonly Scenario Hindcast = TestScenarios.Shipped("hindcast-russia-2018-2020");

    private static Observation Permits(int year, int month, double value, ObservationErrorKind kind, double error) =>
        new("workers.permit", new YearMonth(year, month), new YearMonth(year, month), $"{year}-{month:D2}", value, kind, error, "test", "");

    private static readonly IReadOnlyList<Observation> Record =
    [
        Permits(2018, 9, 19559, ObservationErrorKind.Relative, 0.05),
        Permits(2018, 12, 11490, ObservationErrorKind.Relative, 0.02),
        Permits(2019, 9, 10000, ObservationErrorKind.Upper, 0.05),
        new("arrivals.study", new YearMonth(2019, 1), new YearMonth(2019, 12), "2019", 26958, ObservationErrorKind.Relative, 0.25, "test", ""),
    ];

    [Fact]
    public void Run_AnyThreadCount_SamePosteriorAndPredictive()
    {
        CalibrationResult Calibrate(int threads) => ModelCalibration.Run(Hindcast, Record, new AbcOptions { Particles = 150, Seed = 4, Threads = threads, MaxGenerations = 4 }, 300);
        var one = Calibrate(1);
        var three = Calibrate(3);
        Assert.Equal(one.Abc.Particles, three.Abc.Particles);
        Assert.Equal(one.Abc.Weights, three.Abc.Weights);
        Assert.Equal(one.Fits, three.Fits);
        Assert.Equal(one.Predictive, three.Predictive);
    }

    [Fact]
    public void Run_FourTimesTheStatedErrors_WidenThePosteriorOfTheInputTheDataPinDown()
    {
        // Version 1 halved its tolerance towards 0 whatever the errors said, so both posteriors came out alike; with
        // the stated errors as the likelihood, the wider errors leave the informed input less pinned.
        var wide = Record.Select(o => o with { Error = 4 * o.Error }).ToList();
        var options = new AbcOptions { Particles = 400, Seed = 6, Threads = 2 };
        var narrow = ModelCalibration.Run(Hindcast, Record, options, 10);
        var loose = ModelCalibration.Run(Hindcast, wide, options, 10);
        Assert.True(narrow.Abc.Generations[^1].ByLikelihood);
        Assert.True(loose.Abc.Generations[^1].ByLikelihood);
        int informed = 0;
        for (int j = 1; j < narrow.Inputs.Count; j++)
        {
            if (Width(narrow.Inputs[j].Posterior) / Width(narrow.Inputs[j].Prior) < Width(narrow.Inputs[informed].Posterior) / Width(narrow.Inputs[informed].Prior))
            {
                informed = j;
            }
        }
        double ratio = Width(loose.Inputs[informed].Posterior) / Width(narrow.Inputs[informed].Posterior);
        Assert.True(ratio > 1.5, $"{narrow.Inputs[informed].KeyPath}: 90% width {Width(narrow.Inputs[informed].Posterior):G4} with the stated errors, {Width(loose.Inputs[informed].Posterior):G4} with four times them");
    }

    private static double Width(DistributionSummary summary) => summary.P95 - summary.P5;

    [Fact]
    public void Run_TwoInputPermitHindcast_IsTheLikelihoodPosteriorComputedOnAGrid()
    {
        // The audit's case: two uncertain inputs (the stay from 2018-09 and dispatch), six permit counts at 5% relative
        // error. Version 1's 90% interval for the stay came out about three times narrower than the posterior
        // prior x E[likelihood] computed on a grid; here the grid is integrated independently of ABC (uniform priors,
        // so the posterior is proportional to the likelihood averaged over replicate runs at each grid point), and
        // ABC-SMC's percentiles of the stay must match the grid's within 5 standard errors of a weighted quantile
        // (sqrt(q (1 - q) / ESS) over the grid's density there) plus one grid cell.
        const string stay = "timeline[1].set.channels.permit.contract_months", dispatch = "supply.dispatch_per_month";
        var scenario = Hindcast;
        foreach (var input in Hindcast.UncertainInputs())
        {
            if (input.KeyPath is not (stay or dispatch))
            {
                scenario = scenario.With(input.KeyPath, Simulation.Core.Distributions.InputDistribution.Fixed(input.Distribution.Mean));
            }
        }
        Assert.Equal([dispatch, stay], scenario.UncertainInputs().Select(i => i.KeyPath).Order());
        var months = new[] { (2018, 10), (2018, 12), (2019, 2), (2019, 4), (2019, 6), (2019, 8) };
        var placeholder = months.Select(m => Permits(m.Item1, m.Item2, 1000, ObservationErrorKind.Relative, 0.05)).ToList();

        // Synthetic record: the mean of 400 runs at stay 6.5 months, dispatch 2,000 a month (theta in key order).
        var truthProblem = CalibrationProblem.Of(scenario, placeholder, 1);
        bool stayFirst = truthProblem.Keys[0] == stay;
        double[] Theta(double stayMonths, double perMonth) => stayFirst ? [stayMonths, perMonth] : [perMonth, stayMonths];
        var sums = new double[months.Length];
        var values = new double[months.Length];
        for (int r = 0; r < 400; r++)
        {
            truthProblem.Observe(Theta(6.5, 2000), 11, r, 0, values);
            for (int i = 0; i < values.Length; i++)
            {
                sums[i] += values[i] / 400;
            }
        }
        var record = months.Select((m, i) => Permits(m.Item1, m.Item2, Math.Round(sums[i]), ObservationErrorKind.Relative, 0.05)).ToList();

        // The grid: cell midpoints of the priors U(3, 12) and U(1000, 3000); each cell's likelihood is the mean of
        // exp(-sum r^2 / 2) over 64 runs (sum r^2 = n D^2, D the root mean square the calibration uses).
        const int stayCells = 90, dispatchCells = 40, replicates = 64;
        var problem = CalibrationProblem.Of(scenario, record, 2);
        var marginal = new double[stayCells];
        Parallel.For(0, 2, worker =>
        {
            for (int a = worker; a < stayCells; a += 2)
            {
                double x = 3 + 9 * (a + 0.5) / stayCells, total = 0;
                for (int b = 0; b < dispatchCells; b++)
                {
                    double y = 1000 + 2000 * (b + 0.5) / dispatchCells;
                    for (int r = 0; r < replicates; r++)
                    {
                        double d = problem.Simulate(Theta(x, y), 12, ((long)a * dispatchCells + b) * replicates + r, worker);
                        total += Math.Exp(-0.5 * record.Count * d * d);
                    }
                }
                marginal[a] = total;
            }
        });
        double mass = marginal.Sum();
        double cell = 9.0 / stayCells;
        (double Value, double Density) GridQuantile(double q)
        {
            double below = 0;
            for (int a = 0; a < stayCells; a++)
            {
                double p = marginal[a] / mass;
                if (below + p >= q)
                {
                    return (3 + cell * (a + (q - below) / p), p / cell);
                }
                below += p;
            }
            return (12, marginal[^1] / mass / cell);
        }

        var result = ModelCalibration.Run(scenario, record, new AbcOptions { Particles = 2000, Seed = 5, Threads = 2 }, 10);
        Assert.True(result.Abc.Generations[^1].ByLikelihood, result.Abc.StopReason);
        var summary = result.Inputs.Single(i => i.KeyPath == stay).Posterior;
        double ess = result.Abc.EffectiveSampleSize;
        foreach (var (q, abc) in new[] { (0.05, summary.P5), (0.5, summary.P50), (0.95, summary.P95) })
        {
            var (grid, density) = GridQuantile(q);
            double tolerance = 5 * Math.Sqrt(q * (1 - q) / ess) / density + cell;
            Assert.True(Math.Abs(abc - grid) <= tolerance, $"the stay's {q:P0} point: ABC {abc:G4}, grid {grid:G4} (tolerance {tolerance:G3}, ESS {ess:N0})");
        }
    }

    [Fact]
    public void Run_RejectionAfterHistoryMatching_SaysItDrewFromTheRegionNotTheWholePrior()
    {
        var result = ModelCalibration.Run(Hindcast, Record, new AbcOptions { Method = AbcMethod.Rejection, Particles = 50, Quantile = 0.05, Seed = 4, Threads = 2 }, 10,
            new HistoryMatchOptions { Candidates = 200, Replicates = 2, Seed = 4 });
        Assert.NotNull(result.HistoryMatch);
        Assert.Equal("kept the 50 closest of 1,000 candidates drawn from the prior restricted to the region history matching left", result.Abc.StopReason);
    }

    [Fact]
    public void Run_PredictiveIsTheCalibratedScenariosRuns()
    {
        var result = ModelCalibration.Run(Hindcast, Record, new AbcOptions { Particles = 100, Seed = 4, Threads = 2, MaxGenerations = 3 }, 500);
        Assert.NotNull(result.Calibrated.Posterior);
        Assert.Equal(result.Inputs.Select(i => i.KeyPath), result.Calibrated.Posterior!.KeyPaths);
        // The fan chart's runs and the observation check's runs are the same runs: the stock observed in 2018-12 is
        // the workers.permit value of month 11 in every run, so their medians agree to the sketch's accuracy.
        var runs = result.PredictiveRuns;
        int series = runs.Series.Select(s => s.Name).ToList().IndexOf("workers.permit");
        double fanMedian = runs.SeriesByMonth[series][11].P50;
        Assert.Equal(result.Fits[1].P50, fanMedian, 0.01 * result.Fits[1].P50);
    }

    [Fact]
    public void Run_AlreadyCalibratedOrNothingUncertain_Refused()
    {
        var calibrated = Hindcast with { Posterior = new PosteriorSample(["demand.wartime"], [31000], [1], "p.csv") };
        Assert.Contains("already calibrated", Assert.Throws<ArgumentException>(() => ModelCalibration.Run(calibrated, Record, new AbcOptions(), 10)).Message);
        Assert.Contains("nothing to calibrate", Assert.Throws<ArgumentException>(() => ModelCalibration.Run(TestScenarios.Quiet(months: 60), [Record[0] with { Series = "workers", First = new YearMonth(2025, 3), Last = new YearMonth(2025, 3) }], new AbcOptions(), 10)).Message);
    }

    [Fact]
    public void Request_PredictiveCheckBeyondMemory_RefusedWithTheNumbers()
    {
        // The check keeps observations x runs doubles: 4 x 10,000,000 x 8 bytes is 305 MiB, refused on 256 MiB.
        var request = new Simulation.Core.Requests.CalibrationRequest(Hindcast, Record, new AbcOptions()) { PredictiveRuns = 10_000_000 };
        var problem = Assert.Single(request.Validate(new Simulation.Core.Requests.ResourceBudget(256L << 20, 2)));
        Assert.Equal("--runs 10000000", problem.Subject);
        Assert.Contains("each of the 4 observations: 10,000,000 runs x 4 columns would need 305 MiB in memory (at most 256 MiB here); use fewer --runs", problem.Message);
        Assert.Empty(request.Validate(new Simulation.Core.Requests.ResourceBudget(1L << 30, 2)));
    }

    [Fact]
    public void Request_WeightStepOfHours_RefusedWithTheEstimate_RejectionAccepted()
    {
        var budget = new Simulation.Core.Requests.ResourceBudget(16L << 30, 2);
        var smc = new Simulation.Core.Requests.CalibrationRequest(Hindcast, Record, new AbcOptions { Particles = 1_000_000 }) { PredictiveRuns = 100 };
        var problem = Assert.Single(smc.Validate(budget));
        Assert.Equal("--particles 1000000", problem.Subject);
        // 14 inputs: 1e12 pairs x 15 x 4e-9 s / 2 threads = 30,000 s.
        Assert.Contains("an estimated 8.3 hours per generation on 2 cores; use at most about 346,410 particles here, or --method rejection", problem.Message);
        Assert.Empty((smc with { Abc = new AbcOptions { Particles = 300_000 } }).Validate(budget));
        Assert.Empty((smc with { Abc = new AbcOptions { Particles = 1_000_000, Method = AbcMethod.Rejection, Quantile = 0.5 } }).Validate(budget));
    }

    [Fact]
    public void Run_ObservationsThatGiveNoDistance_StopWithAMessage_NotAnEndlessSearch()
    {
        // error x value underflows to 0: the reader refuses such a row; the engine still must not search forever.
        var broken = new[] { Permits(2018, 9, 5e-324, ObservationErrorKind.Lower, 0.5) };
        var error = Assert.Throws<InvalidOperationException>(() => ModelCalibration.Run(Hindcast, broken, new AbcOptions { Particles = 50, Seed = 1, Threads = 2 }, 10));
        Assert.Contains("generation 0 drew 5,000 candidates from the prior and fewer than 50 gave a distance", error.Message);
    }

    [Theory]
    // "Fewer than 10,000" against runs of which 54% lie above it: not met (the old rule, p5 <= z, called it met).
    [InlineData(ObservationErrorKind.Upper, 10_000, 46, false)]
    // 9% above: met; 10% above: not met.
    [InlineData(ObservationErrorKind.Upper, 10_000, 91, true)]
    [InlineData(ObservationErrorKind.Upper, 10_000, 90, false)]
    // "At least 3,500" (a lower bound) with 95% of runs below it: not met.
    [InlineData(ObservationErrorKind.Lower, 3_500, 5, false)]
    [InlineData(ObservationErrorKind.Lower, 3_500, 95, true)]
    public void Fit_ABound_IsMetOnlyWhenFewerThanOneRunInTenBreaksIt(ObservationErrorKind kind, double bound, int meetingPercent, bool met)
    {
        // 100 runs: meetingPercent of them on the allowed side of the bound, the rest on the wrong side.
        var predictive = new double[100];
        for (int i = 0; i < predictive.Length; i++)
        {
            bool allowed = i < meetingPercent;
            predictive[i] = kind == ObservationErrorKind.Upper ? (allowed ? bound - 1 - i : bound + 1 + i) : (allowed ? bound + 1 + i : bound - 1 - i);
        }
        var fit = RecordFit.Fit(Permits(2019, 9, bound, kind, 0.05), predictive);
        Assert.Equal(1 - meetingPercent / 100.0, fit.ShareOnWrongSide, 12);
        Assert.Equal(met, fit.InsideBand90);
    }

    [Fact]
    public void Residual_EachErrorKind_AsDocsCalibrationSays()
    {
        Observation Of(ObservationErrorKind kind, double error) => Record[0] with { Value = 100, ErrorKind = kind, Error = error };
        Assert.Equal((120 - 100) / (0.1 * 100), Of(ObservationErrorKind.Relative, 0.1).Residual(120), 12);
        Assert.Equal((Math.Log(121) - Math.Log(101)) / 0.5, Of(ObservationErrorKind.LogNormal, 0.5).Residual(120), 12);
        Assert.Equal(20 / 10.0, Of(ObservationErrorKind.Poisson, 0).Residual(120), 12);
        Assert.Equal(20 / (0.1 * 100), Of(ObservationErrorKind.Upper, 0.1).Residual(120), 12);
        Assert.Equal(0, Of(ObservationErrorKind.Upper, 0.1).Residual(80));
        Assert.Equal(20 / (0.1 * 100), Of(ObservationErrorKind.Lower, 0.1).Residual(80), 12);
        Assert.Equal(0, Of(ObservationErrorKind.Lower, 0.1).Residual(120));
        Assert.Equal(0.5, (Record[0] with { Value = 0, ErrorKind = ObservationErrorKind.Poisson }).Residual(0.5), 12);
    }

    [Fact]
    public void ObservationSink_LevelsAtPeriodEndFlowsSummed()
    {
        var compiled = new CompiledScenario(Hindcast);
        var year = new Observation("arrivals.study", new YearMonth(2019, 1), new YearMonth(2019, 12), "2019", 1, ObservationErrorKind.Poisson, 0, "", "");
        var quarterEnd = new Observation("workers.permit", new YearMonth(2018, 7), new YearMonth(2018, 9), "2018Q3", 1, ObservationErrorKind.Poisson, 0, "", "");
        var set = new ObservationSet(compiled, [year, quarterEnd]);
        var values = new double[2];
        var inputs = new double[compiled.Parameters.Length];
        LaborMigrationModel.SampleInputs(compiled, 5, inputs);
        var sink = set.Sink(values);
        LaborMigrationModel.Simulate(compiled, 5, inputs, ref sink);
        var recorder = new RecordingSink(compiled.Months);
        LaborMigrationModel.Simulate(compiled, 5, inputs, ref recorder);
        int arrivals = compiled.Series.Select(s => s.Name).ToList().IndexOf("arrivals.study");
        int permit = compiled.Series.Select(s => s.Name).ToList().IndexOf("workers.permit");
        double sum = 0;
        for (int t = 12; t < 24; t++)
        {
            sum += recorder.Months[t].Values[arrivals];
        }
        Assert.Equal(sum, values[0]);
        Assert.Equal(recorder.Months[8].Values[permit], values[1]);
        Assert.Throws<ArgumentException>(() => new ObservationSet(compiled, [year with { Series = "enforced" }]));
        Assert.Throws<ArgumentException>(() => new ObservationSet(compiled, [year with { First = new YearMonth(2017, 1) }]));
    }
}
