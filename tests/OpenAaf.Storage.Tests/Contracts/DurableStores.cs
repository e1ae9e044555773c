using OpenAaf.Core.Auditing;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Storage.Tests.Contracts;

/// <summary>One provider's durable stores over one database, which a test can close and open again.</summary>
public abstract class DurableStores : IAsyncDisposable
{
    public abstract IStorageDatabase Database { get; }
    public abstract IConfigurationStore Config { get; }
    public abstract IUserStore Users { get; }
    public abstract ITemplateStore Templates { get; }
    public abstract ILockoutStore Lockout { get; }
    public abstract IAuditSink Audit { get; }

    /// <summary>Every audit record in the order written.</summary>
    public abstract Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(CancellationToken cancellationToken);

    /// <summary>Closes every connection and opens the same database again with fresh store instances (no caches).</summary>
    public abstract Task ReopenAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
