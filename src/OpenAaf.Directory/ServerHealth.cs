namespace OpenAaf.Directory;

/// <summary>
/// Remembers for a short while which servers of a repository failed, so that calls go to a live
/// one first instead of waiting on a dead one every time. Dead servers are still tried, last:
/// a call fails only after every URL failed.
/// </summary>
internal sealed class ServerHealth(IReadOnlyList<LdapServerUrl> servers, TimeSpan deadFor, TimeProvider time)
{
    private readonly long[] _deadUntil = new long[servers.Count];

    public IReadOnlyList<LdapServerUrl> Servers => servers;

    /// <summary>Indexes in the order to try: live servers in configuration order, then the dead ones.</summary>
    public int[] Order()
    {
        var now = time.GetTimestamp();
        var order = new int[servers.Count];
        var n = 0;
        for (var i = 0; i < servers.Count; i++) if (Volatile.Read(ref _deadUntil[i]) <= now) order[n++] = i;
        for (var i = 0; i < servers.Count; i++) if (Volatile.Read(ref _deadUntil[i]) > now) order[n++] = i;
        return order;
    }

    /// <summary>The server new connections should go to now.</summary>
    public int Preferred => Order()[0];

    public bool IsDead(int index) => Volatile.Read(ref _deadUntil[index]) > time.GetTimestamp();

    public void MarkDead(int index) =>
        Volatile.Write(ref _deadUntil[index], time.GetTimestamp() + (long)(deadFor.TotalSeconds * time.TimestampFrequency));

    public void MarkAlive(int index) => Volatile.Write(ref _deadUntil[index], 0);
}
