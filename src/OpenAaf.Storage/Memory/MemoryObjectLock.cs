using System.Collections.Concurrent;
using OpenAaf.Core.Sessions;

namespace OpenAaf.Storage.Memory;

/// <summary>
/// Keyed async mutex for one node (api.md §1.7). An entry exists only while someone holds or waits for its key,
/// so keys never accumulate; disposing the returned handle releases the lock (a second dispose does nothing).
/// </summary>
internal sealed class MemoryObjectLock : IObjectLock
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How many keys are held or awaited now (for tests and diagnostics).</summary>
    internal int ActiveKeys => _entries.Count;

    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var entry = Enter(key);
        var acquired = false;
        try
        {
            acquired = await entry.Gate.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!acquired)
            {
                Leave(key, entry);
            }
        }
        return acquired ? new Handle(this, key, entry) : null;
    }

    private Entry Enter(string key)
    {
        while (true)
        {
            var entry = _entries.GetOrAdd(key, static _ => new Entry());
            lock (entry)
            {
                if (entry.Users >= 0)
                {
                    entry.Users++;
                    return entry;
                }
            }
            // Retired by its last user and about to leave the dictionary: take a fresh one.
            Thread.Yield();
        }
    }

    private void Leave(string key, Entry entry)
    {
        lock (entry)
        {
            if (--entry.Users > 0)
            {
                return;
            }
            entry.Users = -1;
        }
        _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        entry.Gate.Dispose();
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);

        /// <summary>Holders and waiters; -1 once retired. Guarded by lock (this).</summary>
        public int Users;
    }

    private sealed class Handle(MemoryObjectLock owner, string key, Entry entry) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Gate.Release();
                owner.Leave(key, entry);
            }
            return ValueTask.CompletedTask;
        }
    }
}
