namespace Simulation.Cli;

/// <summary>The process's standard streams, injectable so that commands run in-process in tests.</summary>
internal sealed record Terminal(TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    /// <summary>The real console.</summary>
    public static Terminal FromConsole() => new(new BestEffortWriter(Console.Out), Console.Error, !Console.IsErrorRedirected);

    /// <summary>Says on standard error when standard output could not be written: the run's files are its result, so this is only a warning.</summary>
    public void WarnIfOutputFailed()
    {
        if (Out is BestEffortWriter { Failure: { } failure })
        {
            Error.WriteLine($"laborsim: warning: could not print to standard output ({failure}); every file written is complete");
        }
    }
}
