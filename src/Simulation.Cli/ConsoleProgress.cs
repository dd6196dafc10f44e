using Simulation.Application.Execution;
using Simulation.Core.Calibration;
using Simulation.Core.MonteCarlo;

namespace Simulation.Cli;

/// <summary>Progress on standard error: a live bar on a terminal, a plain line every few seconds otherwise.</summary>
internal sealed class ConsoleProgress(Terminal terminal) : IProgressSink
{
    private ProgressReporter? _runs;
    private CalibrationProgress? _calibration;

    /// <summary>Progress that shows nothing (--quiet).</summary>
    public static IProgressSink Quiet { get; } = new QuietProgress();

    public Action<RunProgress>? Runs(long total, bool relativeHalfWidth = true)
    {
        _runs = new ProgressReporter(terminal.Error, terminal.ErrorIsTerminal, total) { RelativeHalfWidth = relativeHalfWidth };
        return _runs.Report;
    }

    public Action<AbcProgress>? Calibration()
    {
        _calibration = new CalibrationProgress(terminal.Error, terminal.ErrorIsTerminal);
        return _calibration.Report;
    }

    public void Finish()
    {
        _runs?.Finish();
        _calibration?.Finish();
        _runs = null;
        _calibration = null;
    }

    private sealed class QuietProgress : IProgressSink
    {
        public Action<RunProgress>? Runs(long total, bool relativeHalfWidth = true) => null;

        public Action<AbcProgress>? Calibration() => null;

        public void Finish()
        {
        }
    }
}
