using System.Runtime.InteropServices;
using Simulation.Cli;

using var cancellation = new CancellationTokenSource();
// A step that does not look at the cancellation (loading, an analysis after its runs, writing a large file) would
// swallow the signal: if the process has not ended soon after it, it ends here, with 130. Outputs are only ever
// published whole, so what it leaves is at most a staging folder, which the next run removes.
void Stop()
{
    cancellation.Cancel();
    var watchdog = new Thread(() =>
    {
        Thread.Sleep(TimeSpan.FromSeconds(5));
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
terminal.WarnIfOutputFailed();
return code;
