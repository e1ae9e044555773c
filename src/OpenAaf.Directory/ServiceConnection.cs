using System.DirectoryServices.Protocols;

namespace OpenAaf.Directory;

/// <summary>A connection bound as the repository's service account, owned by one caller at a time.</summary>
internal sealed class ServiceConnection(LdapConnection connection, int serverIndex, long openedAt) : IPooledConnection
{
    public LdapConnection Connection { get; } = connection;
    public int ServerIndex { get; } = serverIndex;
    public long OpenedAt { get; } = openedAt;
    public long LastUsed { get; set; } = openedAt;
    /// <summary>The socket, captured right after the bind (see <see cref="OperationWatchdog"/>).</summary>
    public int Socket { get; } = LibLdap.GetSocket(connection);

    public void Dispose() => Connection.Dispose();
}
