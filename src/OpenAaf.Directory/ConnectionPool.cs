namespace OpenAaf.Directory;

/// <summary>A directory connection a pool can hold: which server it goes to, and its age.</summary>
internal interface IPooledConnection : IDisposable
{
    int ServerIndex { get; }
    long OpenedAt { get; }
    long LastUsed { get; set; }
}

/// <summary>
/// Idle connections of one repository and one kind (service-account searches, or user binds: never
/// mixed, so a connection bound as a user can never serve a search). A connect (+ TLS) + bind costs
/// a round trip or more, so every logon would pay it without a pool. A connection is handed to one
/// caller at a time and comes back only when its caller says it is fit. Idle connections are dropped
/// after <see cref="MaxIdle"/>, after <see cref="MaxAge"/>, and when their server is no longer the
/// preferred one, so that traffic returns to the first URL once it is back. After
/// <see cref="Dispose"/> the pool keeps nothing: returned connections are closed.
/// </summary>
internal sealed class ConnectionPool<T>(int capacity, TimeProvider time) : IDisposable where T : class, IPooledConnection
{
    private readonly Stack<T> _idle = new();
    private readonly Lock _gate = new();
    private bool _disposed;

    public static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    public int IdleCount { get { lock (_gate) return _idle.Count; } }

    /// <summary>Takes an idle connection to <paramref name="preferredServer"/>, or null.</summary>
    public T? TryTake(int preferredServer)
    {
        List<T>? stale = null;
        try
        {
            lock (_gate)
            {
                while (_idle.TryPop(out var candidate))
                {
                    if (candidate.ServerIndex == preferredServer && !Expired(candidate)) return candidate;
                    (stale ??= []).Add(candidate);
                }
                return null;
            }
        }
        finally
        {
            // Closing sends an unbind: outside the lock.
            stale?.ForEach(c => c.Dispose());
        }
    }

    public void Return(T connection)
    {
        connection.LastUsed = time.GetTimestamp();
        lock (_gate)
        {
            if (!_disposed && _idle.Count < capacity)
            {
                _idle.Push(connection);
                return;
            }
        }
        connection.Dispose();
    }

    private bool Expired(T c) =>
        time.GetElapsedTime(c.LastUsed) > MaxIdle || time.GetElapsedTime(c.OpenedAt) > MaxAge;

    public void Dispose()
    {
        T[] all;
        lock (_gate)
        {
            _disposed = true;
            all = [.. _idle];
            _idle.Clear();
        }
        foreach (var c in all) c.Dispose();
    }
}
