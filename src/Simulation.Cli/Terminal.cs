namespace Simulation.Cli;

/// <summary>The process's standard streams, injectable so that commands run in-process in tests.</summary>
internal sealed record Terminal(TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    /// <summary>The real console.</summary>
    public static Terminal FromConsole() => new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
