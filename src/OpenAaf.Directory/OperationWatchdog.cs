namespace OpenAaf.Directory;

/// <summary>
/// Enforces the repository timeout on one directory operation whose own timeout S.DS.P cannot
/// enforce on Linux (see <see cref="LibLdap"/>): when it fires, the connection's socket is shut
/// down so the blocked call fails with "server down". Dispose as soon as the operation returns;
/// after that the watchdog never touches the socket (the connection may be pooled and reused).
/// </summary>
internal sealed class OperationWatchdog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Timer? _timer;
    private readonly int _socket;
    private bool _done;

    public OperationWatchdog(int socket, TimeSpan timeout)
    {
        _socket = socket;
        if (socket < 0) return;
        // A little grace so that libldap's own timeouts (bind, connect) report first where they work.
        _timer = new Timer(static state => ((OperationWatchdog)state!).Fire(), this, timeout + TimeSpan.FromMilliseconds(250), Timeout.InfiniteTimeSpan);
    }

    /// <summary>True when the watchdog shut the socket down (the operation timed out).</summary>
    public bool Fired { get; private set; }

    private void Fire()
    {
        lock (_gate)
        {
            if (_done) return;
            Fired = true;
            LibLdap.Shutdown(_socket);
        }
    }

    public void Dispose()
    {
        lock (_gate) _done = true;
        _timer?.Dispose();
    }
}
