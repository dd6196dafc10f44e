namespace Simulation.Core.MonteCarlo;

/// <summary>
/// Runs blocks [first, end) on worker threads that take the next block in turn. The calling thread is worker 0.
/// Stops between blocks on cancellation or on the first failure, which it rethrows.
/// </summary>
internal static class BlockScheduler
{
    public static void Run(long firstBlock, long endBlock, int threads, CancellationToken cancellation, Action<int, long> work)
    {
        long blocks = endBlock - firstBlock;
        if (blocks <= 0)
        {
            return;
        }
        threads = (int)Math.Clamp(blocks, 1, threads);
        long next = firstBlock - 1;
        Exception? failure = null;

        void Work(int worker)
        {
            try
            {
                while (true)
                {
                    long block = Interlocked.Increment(ref next);
                    if (block >= endBlock || Volatile.Read(ref failure) is not null)
                    {
                        return;
                    }
                    cancellation.ThrowIfCancellationRequested();
                    work(worker, block);
                }
            }
            catch (Exception exception)
            {
                Interlocked.CompareExchange(ref failure, exception, null);
            }
        }

        var helpers = new Thread[threads - 1];
        for (int i = 0; i < helpers.Length; i++)
        {
            int worker = i + 1;
            helpers[i] = new Thread(() => Work(worker)) { IsBackground = true, Name = $"laborsim worker {worker}" };
            helpers[i].Start();
        }
        Work(0);
        foreach (var helper in helpers)
        {
            helper.Join();
        }
        if (failure is OperationCanceledException)
        {
            throw new OperationCanceledException("The run was cancelled.", failure, cancellation);
        }
        if (failure is not null)
        {
            throw new InvalidOperationException("A Monte Carlo worker failed: " + failure.Message, failure);
        }
    }
}
