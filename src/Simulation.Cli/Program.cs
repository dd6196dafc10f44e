using System.Runtime.InteropServices;
using Simulation.Cli;
using Simulation.IO.Platform;

// The native binary for baseline x86-64 hands over to the one built for the CPU's level, before anything starts.
if (IsaDispatch.HandOver(args) is { } isaProblem)
{
    Console.Error.WriteLine($"laborsim: {isaProblem}");
    return ExitCodes.BadInput;
}

using var cancellation = new CancellationTokenSource();
// Whoever ends the process says how: the watchdog or the main thread, never both (0 free, 1 taken).
int ending = 0;
// A step that does not look at the cancellation (loading, an analysis after its runs, writing a large file) would
// swallow the signal: if the process has not ended soon after it, it ends here. Outputs are only ever published
// whole, so what it leaves is at most a staging folder, which the next run removes; but once the publishing rename
// has happened the new output is in place (only the old one's removal is cut short), and that is what it says.
void Stop()
{
    cancellation.Cancel();
    var watchdog = new Thread(() =>
    {
        Thread.Sleep(TimeSpan.FromSeconds(5));
        if (Interlocked.Exchange(ref ending, 1) != 0)
        {
            return;
        }
        if (Simulation.IO.Output.OutputFolder.PublishedInThisProcess is { } published)
        {
            Console.Error.WriteLine($"laborsim: stopped by a signal after publishing {published}, which is complete; the previous output's removal was cut short (the next run removes what is left)");
            Environment.Exit(0);
        }
        Console.Error.WriteLine("laborsim: stopped by a signal; nothing was published");
        Environment.Exit(130);
    })
    { IsBackground = true };
    watchdog.Start();
}
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C stops the run cleanly between blocks; a second one kills the process.
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        Stop();
    }
};
// SIGTERM (kill, Slurm and Kubernetes stopping a task) stops the run the same way.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    if (!cancellation.IsCancellationRequested)
    {
        Stop();
    }
});
var terminal = Terminal.FromConsole();
int code = CliApp.Run(args, terminal, cancellation.Token);
if (Interlocked.Exchange(ref ending, 1) != 0)
{
    // The watchdog is ending the process and has said how; nothing more is printed.
    Thread.Sleep(Timeout.Infinite);
}
terminal.WarnIfOutputFailed();
return code;
