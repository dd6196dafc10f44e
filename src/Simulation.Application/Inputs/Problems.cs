using Simulation.Core.Requests;
using Simulation.IO.Scenarios;

namespace Simulation.Application.Inputs;

/// <summary>
/// Every problem found before anything runs, in the order found: in scenario files (file:line:col), in options, in
/// requests. All are reported together, never only the first.
/// </summary>
public sealed class Problems
{
    private readonly List<string> _lines = [];

    /// <summary>The problems as printed, one per line.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Number of problems.</summary>
    public int Count => _lines.Count;

    /// <summary>Warnings: things that probably do not do what was meant, though everything can run (printed, never refused).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>A problem with an option: "--paths 5000: must be ...".</summary>
    public void Option(string subject, string message) => _lines.Add($"{subject}: {message}");

    /// <summary>A problem said in a whole line of its own (a shard folder's checks).</summary>
    public void Line(string line) => _lines.Add(line);

    /// <summary>Problems of a scenario file, at their positions.</summary>
    public void Add(IEnumerable<ScenarioProblem> problems)
    {
        foreach (var problem in problems)
        {
            _lines.Add(problem.ToString());
        }
    }

    /// <summary>A request's problems; one about the scenario as a whole is said of <paramref name="source"/>.</summary>
    public void Add(IEnumerable<RequestProblem> problems, string source)
    {
        foreach (var problem in problems)
        {
            _lines.Add(problem.Subject.Length > 0 ? problem.ToString() : $"{source}: {problem.Message}");
        }
    }

    /// <summary>Most problems printed one by one; the rest are counted.</summary>
    public const int MaxProblemsShown = 20;

    /// <summary>Most characters of one problem printed: a message quoting a 2 MB "name" says what it is, not all of it.</summary>
    public const int MaxProblemLength = 600;

    /// <summary>
    /// The lines a refusal prints: the first <see cref="MaxProblemsShown"/> problems, each <see cref="Printable"/>, a
    /// count of the rest (100,000 bad rows are one mistake made 100,000 times), and what was not done.
    /// </summary>
    public static IEnumerable<string> Printed(IReadOnlyList<string> problems, string consequence)
    {
        for (int i = 0; i < Math.Min(problems.Count, MaxProblemsShown); i++)
        {
            yield return Printable(problems[i]);
        }
        if (problems.Count > MaxProblemsShown)
        {
            yield return $"and {problems.Count - MaxProblemsShown:N0} more problems like these (fix the ones above and check again)";
        }
        yield return $"{(problems.Count == 1 ? "1 problem" : $"{problems.Count:N0} problems")}; {consequence}.";
    }

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
