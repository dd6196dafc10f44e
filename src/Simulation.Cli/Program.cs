using Simulation.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C stops the run cleanly; a second one kills the process.
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};
return CliApp.Run(args, Terminal.FromConsole(), cancellation.Token);
