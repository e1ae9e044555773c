using OpenAaf.Core.Directories;

namespace OpenAaf.Directory;

/// <summary>
/// Accounts found in one repository, remembered for a few seconds (<c>lookupCacheSeconds</c>) so
/// that the steps of one logon (<c>POST /logon</c>, then <c>do_logon</c> and the login session's
/// look-ups) and a burst of logons of one user do not each pay a directory search. It holds what a
/// search returned (DN, identity attributes, group names) and nothing else: never a password, never
/// the answer of a bind, never a "not found" (a new account is visible at once). A password is
/// always checked by a bind against the directory, so a disabled or locked account is refused even
/// while its entry is remembered. Bounded: beyond <see cref="Capacity"/> entries the oldest go first.
/// </summary>
internal sealed class LookupCache(TimeSpan lifetime, int capacity, TimeProvider time)
{
    public const int DefaultCapacity = 10_000;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    // Insertion order; an entry replaced or removed leaves a stale key here, skipped when it comes up.
    private readonly Queue<(string Key, long AddedAt)> _order = new();
    private readonly Lock _gate = new();
    private readonly long _lifetimeTicks = (long)(lifetime.TotalSeconds * time.TimestampFrequency);

    private readonly record struct Entry(DirectoryUser User, long AddedAt);

    public bool Enabled => _lifetimeTicks > 0 && capacity > 0;
    public int Capacity => capacity;

    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    public bool TryGet(string key, out DirectoryUser user)
    {
        user = null!;
        if (!Enabled) return false;
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry)) return false;
            if (now - entry.AddedAt >= _lifetimeTicks)
            {
                _entries.Remove(key);
                return false;
            }
            user = entry.User;
            return true;
        }
    }

    public void Add(string key, DirectoryUser user)
    {
        if (!Enabled) return;
        var now = time.GetTimestamp();
        lock (_gate)
        {
            _entries[key] = new Entry(user, now);
            _order.Enqueue((key, now));
            Trim(now);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _order.Clear();
        }
    }

    /// <summary>Drops expired entries from the old end, then the oldest while over capacity.</summary>
    private void Trim(long now)
    {
        while (_order.TryPeek(out var oldest))
        {
            var live = _entries.TryGetValue(oldest.Key, out var entry) && entry.AddedAt == oldest.AddedAt;
            var expired = now - oldest.AddedAt >= _lifetimeTicks;
            if (live && !expired && _entries.Count <= capacity) break;
            _order.Dequeue();
            if (live && (expired || _entries.Count > capacity)) _entries.Remove(oldest.Key);
        }
    }
}
