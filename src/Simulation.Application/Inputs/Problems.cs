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
}
