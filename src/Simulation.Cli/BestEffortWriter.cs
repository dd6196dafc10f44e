using System.Text;

namespace Simulation.Cli;

/// <summary>
/// Standard output for the headline: printing it is a courtesy, the output folder is the result. When standard output
/// is full (/dev/full) or closed, the first failure is remembered and later writes are skipped, so that a complete run
/// still exits 0 and says on standard error that its summary could not be printed.
/// </summary>
internal sealed class BestEffortWriter(TextWriter inner) : TextWriter
{
    /// <summary>Why writing failed, or null while it works.</summary>
    public string? Failure { get; private set; }

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Try(() => inner.Write(value));

    public override void Write(string? value) => Try(() => inner.Write(value));

    public override void WriteLine(string? value) => Try(() => inner.WriteLine(value));

    public override void Flush() => Try(inner.Flush);

    private void Try(Action write)
    {
        if (Failure is not null)
        {
            return;
        }
        try
        {
            write();
        }
        catch (IOException exception)
        {
            Failure = exception.Message;
        }
    }
}
