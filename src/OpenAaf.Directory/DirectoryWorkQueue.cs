
namespace OpenAaf.Directory;

/// <summary>
/// Runs blocking directory calls (S.DS.P's Bind and SendRequest are synchronous on Linux) on
/// dedicated threads, at most <c>MaxConcurrency</c> at a time per repository. Callers wait for a
/// slot asynchronously (SemaphoreSlim.WaitAsync), so a slow or dead directory queues requests
/// instead of blocking thread-pool threads, and the thread pool never has to grow to absorb
/// LDAP latency. The threads are started on first use and live until <see cref="Dispose"/>;
/// since at most as many items as threads are in flight, an item never waits for a thread.
/// The threads belong to no request: they are started with the flow of the execution context
/// suppressed, and each item runs in the context of the caller that queued it (as the thread pool
/// does), so an AsyncLocal of one request (a trace, a logging scope) never leaks into another's.
/// After <see cref="Dispose"/> the threads finish what is queued and end; a late caller (one that
/// took a directory just before it was superseded) still gets its work run, on the thread pool.
/// </summary>
internal sealed class DirectoryWorkQueue : IDisposable
{
    private readonly SemaphoreSlim _slots;
    // A plain queue under a monitor: idle directory threads sleep in Monitor.Wait. BlockingCollection's
    // SemaphoreSlim spins before it blocks, and 16 spinning idle threads cost most of a core under load.
    private readonly Queue<(Action Item, ExecutionContext? Caller)> _items = new();
    private readonly object _gate = new();
    private bool _disposed;
    private readonly int _threadCount;
    private readonly string _name;
    private int _started;
    private int _running;
    private int _peak;

    public DirectoryWorkQueue(int maxConcurrency, string name)
    {
        _threadCount = Math.Max(1, maxConcurrency);
        _slots = new SemaphoreSlim(_threadCount, _threadCount);
        _name = name;
    }

    /// <summary>Highest number of items seen running at once (for tests and diagnostics).</summary>
    public int PeakConcurrency => Volatile.Read(ref _peak);

    /// <summary>
    /// Runs <paramref name="work"/> on a directory thread. Cancellation stops the wait for a slot and
    /// the caller's wait; a call that has started runs to completion (its own timeouts bound it).
    /// </summary>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed)) return await Task.Run(work, cancellationToken).ConfigureAwait(false);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            EnsureThreads();
            Enqueue(() =>
            {
                var running = Interlocked.Increment(ref _running);
                UpdatePeak(running);
                try { completion.SetResult(work()); }
                catch (Exception e) { completion.SetException(e); }
                finally
                {
                    Interlocked.Decrement(ref _running);
                    _slots.Release();
                }
            });
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check above and the enqueue: run it like any late caller's work.
            _slots.Release();
            return await Task.Run(work, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _slots.Release();
            throw;
        }
        return await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void UpdatePeak(int running)
    {
        var peak = Volatile.Read(ref _peak);
        while (running > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peak, running, peak);
            if (seen == peak) break;
            peak = seen;
        }
    }

    private void EnsureThreads()
    {
        if (Volatile.Read(ref _started) != 0 || Interlocked.Exchange(ref _started, 1) != 0) return;
        // Thread.Start captures the current execution context unless its flow is suppressed.
        using var noFlow = ExecutionContext.SuppressFlow();
        for (var i = 0; i < _threadCount; i++)
        {
            new Thread(Work) { IsBackground = true, Name = $"LDAP {_name} #{i}" }.Start();
        }
    }

    private void Enqueue(Action item)
    {
        var caller = ExecutionContext.Capture();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _items.Enqueue((item, caller));
            Monitor.Pulse(_gate);
        }
    }

    private void Work()
    {
        while (true)
        {
            (Action Item, ExecutionContext? Caller) next;
            lock (_gate)
            {
                while (_items.Count == 0)
                {
                    if (_disposed) return;
                    Monitor.Wait(_gate);
                }
                next = _items.Dequeue();
            }
            if (next.Caller is null) next.Item();
            else ExecutionContext.Run(next.Caller, static item => ((Action)item!)(), next.Item);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Monitor.PulseAll(_gate);
        }
    }
}
