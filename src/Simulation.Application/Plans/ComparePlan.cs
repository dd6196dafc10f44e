using Simulation.Application.Execution;
using Simulation.Application.Verbs;
using Simulation.Core.Model;
using Simulation.Core.Requests;
using Simulation.IO.Scenarios;

namespace Simulation.Application.Plans;

/// <summary><c>laborsim compare</c>: scenarios side by side on one calendar, with paired differences against the first.</summary>
public sealed class ComparePlan : VerbPlan
{
    private readonly List<string> _notes = [];

    /// <summary>A plan for <paramref name="request"/>; <paramref name="documents"/> are the scenarios' documents in the same order.</summary>
    public ComparePlan(CompareRequest request, IReadOnlyList<ScenarioDocument> documents)
    {
        Request = request;
        Documents = documents;
        Aligned = request.Aligned(_notes);
    }

    /// <summary>The comparison asked for.</summary>
    public CompareRequest Request { get; }

    /// <summary>The scenarios' documents, as loaded.</summary>
    public IReadOnlyList<ScenarioDocument> Documents { get; }

    /// <summary>The scenarios as they run: the first one's calendar, unique names.</summary>
    public IReadOnlyList<Scenario> Aligned { get; }

    /// <summary>Notes on the scenarios whose calendar the alignment changed.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <inheritdoc />
    public override string Verb => ComparisonPublication.Verb;

    /// <summary>out/compare-A-vs-B (shortened with a hash for many or long names), with a hash of any --set values.</summary>
    public static string DefaultOutput(CompareRequest request, IReadOnlyList<string> assignments)
    {
        string folder = Inputs.OutputFolders.Comparison([.. request.Aligned([]).Select(s => s.Name)]);
        return Path.Combine("out", assignments.Count == 0 ? folder : $"{folder}-modified-{Inputs.OutputFolders.Hash(string.Join("\n", assignments))}");
    }

    /// <inheritdoc />
    public override IReadOnlyList<RequestProblem> Validate(ResourceBudget budget) => Request.Validate(budget);

    /// <inheritdoc />
    public override VerbOutcome Execute(VerbContext context)
    {
        foreach (string note in _notes)
        {
            context.Note(note);
        }
        var first = Aligned[0];
        var progress = context.Progress.Runs(first.Runs);
        int threads = context.Budget.Threads(context.RequestedThreads, Aligned, new NoteCollection(context.Note));
        var comparison = Request.Execute(Aligned, threads, progress, context.Cancellation);
        context.Progress.Finish();
        // As run: the first scenario's calendar, horizon, runs and seed (and a renamed duplicate) written into each file.
        var asRun = new List<ScenarioDocument>();
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        for (int k = 0; k < Aligned.Count; k++)
        {
            asRun.Add(Documents[k]
                .With("scenario", Aligned[k].Name)
                .With("start", first.Start.ToString())
                .With("months", first.Months.ToString(culture))
                .With("runs", first.Runs.ToString(culture))
                .With("seed", first.Seed.ToString(culture)));
        }
        return VerbOutcome.Done(ComparisonPublication.Of(comparison, asRun));
    }
}
