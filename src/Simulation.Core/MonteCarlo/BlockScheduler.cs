namespace Simulation.Core.MonteCarlo;

/// <summary>
/// Runs blocks [first, end) on worker threads that take the next block in turn. The calling thread is worker 0.
/// Stops between blocks on cancellation or on the first failure, which it rethrows. Cancellation is checked before
/// a block is taken and a taken block always runs to its end, so the blocks done are always a prefix of the range.
/// </summary>
internal static class BlockScheduler
{
    /// <summary>Runs the blocks; returns the end of the prefix of blocks done (endBlock unless cancelled).</summary>
    public static long Run(long firstBlock, long endBlock, int threads, CancellationToken cancellation, Action<int, long> work)
    {
        long blocks = endBlock - firstBlock;
        if (blocks <= 0)
        {
            return endBlock;
        }
        threads = (int)Math.Clamp(blocks, 1, threads);
        long next = firstBlock - 1;
        Exception? failure = null;

        void Work(int worker)
        {
            try
            {
                while (!cancellation.IsCancellationRequested && Volatile.Read(ref failure) is null)
                {
                    long block = Interlocked.Increment(ref next);
                    if (block >= endBlock)
                    {
                        return;
                    }
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
        if (failure is Simulation.Core.Model.ModelOverflowException)
        {
            // A model limit is the user's to fix: keep the exception as it is.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
        if (failure is not null)
        {
            throw new InvalidOperationException("A Monte Carlo worker failed: " + failure.Message, failure);
        }
        // Every block taken ran to its end, so the blocks done are exactly those up to the last one taken.
        return Math.Min(endBlock, Interlocked.Read(ref next) + 1);
    }

    /// <summary>Runs the blocks, throwing <see cref="OperationCanceledException"/> if cancelled before the end.</summary>
    public static void RunAll(long firstBlock, long endBlock, int threads, CancellationToken cancellation, Action<int, long> work)
    {
        if (Run(firstBlock, endBlock, threads, cancellation, work) < endBlock)
        {
            throw new OperationCanceledException("The run was cancelled.", cancellation);
        }
    }
}
