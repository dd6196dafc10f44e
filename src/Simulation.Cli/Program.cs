using System.Runtime.InteropServices;
using Simulation.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C stops the run cleanly between blocks; a second one kills the process.
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};
// SIGTERM (kill, Slurm and Kubernetes stopping a task) stops the run the same way.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});
var terminal = Terminal.FromConsole();
int code = CliApp.Run(args, terminal, cancellation.Token);
terminal.WarnIfOutputFailed();
return code;
