using Simulation.Application.Inputs;
using Simulation.IO.Scenarios;

namespace Simulation.Cli.Commands;

internal static class ValidateCommand
{
    public static int Execute(ValidateOptions options, Terminal terminal)
    {
        if (options.Schema && (options.Defaults || options.Scenarios.Any()))
        {
            terminal.Error.WriteLine("laborsim validate: --schema prints the schema alone; give --defaults or scenario files in another call");
            return ExitCodes.BadInput;
        }
        if (options.Schema)
        {
            terminal.Out.Write(ScenarioJsonSchema.Generate());
            return ExitCodes.Ok;
        }
        if (options.Defaults)
        {
            terminal.Out.Write(DefaultsTable.Render());
            if (!options.Scenarios.Any())
            {
                return ExitCodes.Ok;
            }
        }
        if (!options.Scenarios.Any())
        {
            terminal.Error.WriteLine("laborsim validate: name one or more scenario files, or use --defaults or --schema");
            return ExitCodes.BadInput;
        }
        int exitCode = ExitCodes.Ok;
        foreach (string file in options.Scenarios)
        {
            var problems = new Problems();
            bool valid = ScenarioInputs.Load(file, [], strict: false, problems) is not null;
            foreach (string warning in problems.Warnings)
            {
                terminal.Error.WriteLine(warning);
            }
            if (valid)
            {
                terminal.Out.WriteLine($"{file}: ok");
                continue;
            }
            exitCode = VerbPipeline.Refuse(terminal, problems.Lines, "nothing was checked further");
        }
        return exitCode;
    }
}
