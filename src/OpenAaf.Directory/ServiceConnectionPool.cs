namespace OpenAaf.Directory;

/// <summary>
/// Idle service-account connections of one repository. Searches are the hot path (every logon
/// resolves the user), and a connect + bind costs a round trip or two, more with TLS.
/// A connection is handed to one caller at a time (S.DS.P connections are not shared between
/// concurrent operations here). Idle connections are dropped after <see cref="MaxIdle"/>,
/// after <see cref="MaxAge"/>, and when their server is no longer the preferred one, so that
/// traffic returns to the first URL once it is back.
/// </summary>
internal sealed class ServiceConnectionPool(int capacity, TimeProvider time) : IDisposable
{
    private readonly Stack<ServiceConnection> _idle = new();
    private readonly Lock _gate = new();
    private bool _disposed;

    public static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    public int IdleCount { get { lock (_gate) return _idle.Count; } }

    /// <summary>Takes an idle connection to <paramref name="preferredServer"/>, or null.</summary>
    public ServiceConnection? TryTake(int preferredServer)
    {
        List<ServiceConnection>? stale = null;
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

    public void Return(ServiceConnection connection)
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

    private bool Expired(ServiceConnection c) =>
        time.GetElapsedTime(c.LastUsed) > MaxIdle || time.GetElapsedTime(c.OpenedAt) > MaxAge;

    public void Dispose()
    {
        ServiceConnection[] all;
        lock (_gate)
        {
            _disposed = true;
            all = [.. _idle];
            _idle.Clear();
        }
        foreach (var c in all) c.Dispose();
    }
}
