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

    /// <summary>Prints every problem and what was not done; returns the exit code of bad input.</summary>
    public static int Refuse(Terminal terminal, IReadOnlyList<string> problems, string consequence)
    {
        // 100,000 bad rows are one mistake made 100,000 times: the first few show it, and the count says how often.
        for (int i = 0; i < Math.Min(problems.Count, MaxProblemsShown); i++)
        {
            terminal.Error.WriteLine(Printable(problems[i]));
        }
        if (problems.Count > MaxProblemsShown)
        {
            terminal.Error.WriteLine($"and {problems.Count - MaxProblemsShown:N0} more problems like these (fix the ones above and check again)");
        }
        terminal.Error.WriteLine($"{(problems.Count == 1 ? "1 problem" : $"{problems.Count:N0} problems")}; {consequence}.");
        return ExitCodes.BadInput;
    }

    /// <summary>Most problems printed one by one; the rest are counted.</summary>
    public const int MaxProblemsShown = 20;

    /// <summary>Most characters of one problem printed: a message quoting a 2 MB "name" says what it is, not all of it.</summary>
    public const int MaxProblemLength = 600;

    /// <summary>
    /// <paramref name="message"/> as a terminal can show it: control characters (an escape sequence in a file name or a
    /// key) written as \uXXXX instead of acting on the terminal, and cut at <see cref="MaxProblemLength"/> characters.
    /// </summary>
    public static string Printable(string message)
    {
        var text = new System.Text.StringBuilder(Math.Min(message.Length, MaxProblemLength + 40));
        foreach (char c in message)
        {
            if (text.Length >= MaxProblemLength)
            {
                text.Append($"... ({message.Length:N0} characters in all)");
                break;
            }
            if (char.IsControl(c))
            {
                text.Append($"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
