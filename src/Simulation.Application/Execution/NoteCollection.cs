namespace Simulation.Application.Execution;

/// <summary>A collection that prints what is added to it: notes from Core's checks go straight to standard error.</summary>
internal sealed class NoteCollection(Action<string> note) : System.Collections.ObjectModel.Collection<string>
{
    protected override void InsertItem(int index, string item)
    {
        note(item);
        base.InsertItem(index, item);
    }
}
