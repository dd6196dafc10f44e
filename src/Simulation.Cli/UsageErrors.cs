using System.Reflection;
using CommandLine;
using CommandLine.Text;
using Simulation.IO.Scenarios;

namespace Simulation.Cli;

/// <summary>
/// What the command line parser could not take, said the laborsim way: help on standard output with exit 0 when asked
/// for; otherwise each problem with a spelling suggestion where there is one, on standard error, exit 2.
/// </summary>
internal static class UsageErrors
{
    private static readonly string[] Verbs =
        [.. CliApp.Verbs.Select(type => type.GetCustomAttribute<VerbAttribute>()!.Name), "version"];

    public static int Report(ParserResult<object> parsed, List<Error> errors, Terminal terminal)
    {
        if (errors.Any(e => e.Tag is ErrorType.HelpRequestedError or ErrorType.HelpVerbRequestedError))
        {
            bool verbChosen = parsed.TypeInfo.Current.GetCustomAttribute<VerbAttribute>() is not null;
            var help = HelpText.AutoBuild(parsed, text =>
            {
                text.Heading = $"laborsim {Simulation.Core.EngineInfo.Version}: Monte Carlo simulation of labor migration under sanctions";
                text.Copyright = "Scenario files, commands and outputs: docs/scenario-format.md";
                text.AddDashesToOption = true;
                return text;
            }, example => example, verbsIndex: !verbChosen);
            terminal.Out.WriteLine(help);
            return ExitCodes.Ok;
        }
        var verb = parsed.TypeInfo.Current;
        string verbName = verb.GetCustomAttribute<VerbAttribute>()?.Name ?? "";
        string prefix = verbName.Length > 0 ? $"laborsim {verbName}" : "laborsim";
        foreach (var error in errors)
        {
            terminal.Error.WriteLine($"{prefix}: {Describe(error, verb, verbName)}");
        }
        terminal.Error.WriteLine(verbName.Length > 0 ? $"'laborsim {verbName} --help' lists every option." : "'laborsim --help' lists the commands.");
        return ExitCodes.BadInput;
    }

    private static string Describe(Error error, Type verb, string verbName) => error switch
    {
        UnknownOptionError unknown => $"unknown option --{unknown.Token}{Suggest(unknown.Token, LongNames(verb), "--")}",
        MissingRequiredOptionError missing when missing.NameInfo.LongName.Length == 0 && ValueName(verb) is { } name =>
            $"missing {name}; e.g. laborsim {verbName} {(name.Contains("DIR", StringComparison.Ordinal) ? "shards/" : "scenarios/donbas-baseline.yaml")}",
        MissingRequiredOptionError missing => $"missing --{missing.NameInfo.LongName}",
        MissingValueOptionError value => $"--{value.NameInfo.LongName} needs a value",
        BadFormatConversionError format => $"--{format.NameInfo.LongName}: the value is not of the right kind (a number where a number is asked for)",
        BadVerbSelectedError badVerb => $"unknown command '{badVerb.Token}'{Suggest(badVerb.Token, Verbs, "")} (commands: {string.Join(", ", Verbs)})",
        NoVerbSelectedError => $"name a command: {string.Join(", ", Verbs)}; e.g. laborsim run scenarios/donbas-baseline.yaml",
        RepeatedOptionError repeated => $"--{repeated.NameInfo.LongName} is given twice; give it once",
        _ => error.Tag.ToString(),
    };

    private static string Suggest(string word, IEnumerable<string> candidates, string prefix) =>
        Spelling.Closest(word, candidates) is { } suggestion ? $"; did you mean '{prefix}{suggestion}'?" : "";

    private static string? ValueName(Type verb) =>
        verb.GetProperties().Select(p => p.GetCustomAttribute<ValueAttribute>()).FirstOrDefault(v => v is { Index: 0 })?.MetaName;

    private static IEnumerable<string> LongNames(Type verb) =>
        verb.GetProperties().Select(p => p.GetCustomAttribute<OptionAttribute>()?.LongName).OfType<string>().Append("help");
}
