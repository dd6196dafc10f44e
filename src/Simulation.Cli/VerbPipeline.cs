using Simulation.Application.Execution;
using Simulation.Application.Inputs;
using Simulation.Application.Publishing;
using Simulation.Core.Requests;
using Simulation.IO.Output;

namespace Simulation.Cli;

/// <summary>
/// The one way every verb runs: read its options and inputs into a plan (every problem found, not only the first),
/// check the plan, refuse a bad output folder before any work, run it with progress and cancellation, publish its
/// output folder, print its headline, and return the exit code.
/// </summary>
internal static class VerbPipeline
{
    /// <summary>Runs the plan <paramref name="build"/> makes from the options; <paramref name="consequence"/> ends the problem list ("nothing was run").</summary>
    public static int Execute(Terminal terminal, CancellationToken cancellation, bool quiet, int? threads, string consequence, Func<Problems, VerbPlan?> build)
    {
        var problems = new Problems();
        if (threads is < 1 or > 1024)
        {
            problems.Option($"--threads {threads}", "must be a whole number from 1 to 1024");
        }
        using var plan = build(problems);
        foreach (string warning in problems.Warnings)
        {
            terminal.Error.WriteLine(warning);
        }
        var budget = ResourceBudget.Current();
        if (plan is not null)
        {
            problems.Add(plan.Validate(budget), plan.Source);
        }
        if (problems.Count > 0 || plan is null)
        {
            return Refuse(terminal, problems.Lines, consequence);
        }
        if (OutputFolder.Refusal(plan.OutPath, plan.Force, plan.Verb) is { } refusal)
        {
            return Refuse(terminal, [$"--out: {refusal}"], consequence);
        }
        var progress = quiet ? ConsoleProgress.Quiet : new ConsoleProgress(terminal);
        VerbOutcome outcome;
        try
        {
            outcome = plan.Execute(new VerbContext(budget, threads, progress, terminal.Error.WriteLine, cancellation));
        }
        catch (OperationCanceledException)
        {
            progress.Finish();
            terminal.Error.WriteLine("Interrupted; no output was written.");
            return ExitCodes.Interrupted;
        }
        catch (RequestRefusedException refused)
        {
            progress.Finish();
            return Refuse(terminal, [refused.Problem.ToString()], "nothing was written");
        }
        if (outcome.Publication is { } publication)
        {
            Publisher.Publish(publication, plan.OutPath, plan.Force, plan.Plots);
        }
        if (outcome.Interrupted is { } message)
        {
            terminal.Error.WriteLine(message);
            return ExitCodes.Interrupted;
        }
        if (outcome.Publication is { } published)
        {
            foreach (string line in published.Headline)
            {
                terminal.Out.WriteLine(line);
            }
            if (published.SaysWhereWritten)
            {
                terminal.Out.WriteLine($"  wrote {plan.OutPath}{published.AfterWrote}");
            }
        }
        return ExitCodes.Ok;
    }

    /// <summary>Prints every problem and what was not done (<see cref="Problems.Printed"/>); returns the exit code of bad input.</summary>
    public static int Refuse(Terminal terminal, IReadOnlyList<string> problems, string consequence)
    {
        foreach (string line in Problems.Printed(problems, consequence))
        {
            terminal.Error.WriteLine(line);
        }
        return ExitCodes.BadInput;
    }
}
