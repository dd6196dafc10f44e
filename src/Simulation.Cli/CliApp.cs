using CommandLine;
using Simulation.Cli.Commands;

namespace Simulation.Cli;

/// <summary>Parses the command line and runs a verb; the one place where everything is wired together.</summary>
internal static class CliApp
{
    /// <summary>Every verb's options, in the order help lists them: the one list of laborsim's commands.</summary>
    public static Type[] Verbs { get; } =
    [
        typeof(RunOptions), typeof(CompareOptions), typeof(SensitivityOptions), typeof(SweepOptions), typeof(DiscoverOptions), typeof(RobustOptions), typeof(TargetOptions), typeof(VoiOptions),
        typeof(CalibrateOptions), typeof(MergeOptions), typeof(SlurmOptions), typeof(ValidateOptions),
    ];

    public static int Run(string[] args, Terminal terminal, CancellationToken cancellation)
    {
        if (args is ["--version"] or ["version"])
        {
            // The engine version, exactly as written into summary.json (the assembly's informational version may carry a commit hash).
            terminal.Out.WriteLine(Simulation.Core.EngineInfo.Version);
            return ExitCodes.Ok;
        }
        using var parser = new Parser(settings =>
        {
            // Help and errors are written here: help to standard output (it was asked for), errors to standard error.
            settings.HelpWriter = null;
            settings.CaseSensitive = true;
            settings.AutoVersion = false;
            settings.AllowMultiInstance = true;
        });
        try
        {
            var parsed = parser.ParseArguments(args, Verbs);
            return parsed.MapResult(
                (RunOptions options) => RunCommand.Execute(options, terminal, cancellation),
                (CompareOptions options) => CompareCommand.Execute(options, terminal, cancellation),
                (SensitivityOptions options) => SensitivityCommand.Execute(options, terminal, cancellation),
                (SweepOptions options) => SweepCommand.Execute(options, terminal, cancellation),
                (CalibrateOptions options) => CalibrateCommand.Execute(options, terminal, cancellation),
                (DiscoverOptions options) => DiscoverCommand.Execute(options, terminal, cancellation),
                (RobustOptions options) => RobustCommand.Execute(options, terminal, cancellation),
                (TargetOptions options) => TargetCommand.Execute(options, terminal, cancellation),
                (VoiOptions options) => VoiCommand.Execute(options, terminal, cancellation),
                (MergeOptions options) => MergeCommand.Execute(options, terminal, cancellation),
                (SlurmOptions options) => SlurmCommand.Execute(options, terminal, cancellation),
                (ValidateOptions options) => ValidateCommand.Execute(options, terminal),
                errors => UsageErrors.Report(parsed, errors.ToList(), terminal));
        }
        catch (Simulation.IO.Output.OutputConflictException conflict)
        {
            terminal.Error.WriteLine($"laborsim: not published: {conflict.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            terminal.Error.WriteLine($"laborsim: could not write the output: {exception.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception exception) when (Environment.GetEnvironmentVariable("LABORSIM_DEBUG") is null)
        {
            terminal.Error.WriteLine($"laborsim: failed: {exception.Message} (set LABORSIM_DEBUG=1 for details)");
            return ExitCodes.Failed;
        }
    }
}
