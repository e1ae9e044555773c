using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;

namespace OpenAaf.Directory;

/// <summary>
/// Creates the directories of LDAP and AD repositories (LOCAL has its own). Identical definitions
/// share one instance, so that a caller creating a directory per request or per configuration
/// reload still gets one connection pool and one concurrency cap per repository.
/// A directory disposed by its owner (<see cref="DirectoryRegistry"/>, when its definition is superseded)
/// leaves this cache at once, so it is never handed out again.
/// Dispose the factory to close every pooled connection and stop the directory threads.
/// </summary>
public sealed class LdapUserDirectoryFactory(ILoggerFactory? loggerFactory = null) : IUserDirectoryFactory, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<LdapUserDirectory>> _directories = new();
    private readonly ILoggerFactory _loggers = loggerFactory ?? NullLoggerFactory.Instance;

    public IUserDirectory Create(RepositoryDefinition repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (!repository.IsDirectory)
            throw new ArgumentException($"Repository {repository.Name} is {repository.Kind}; this factory serves LDAP and AD only.", nameof(repository));
        var key = Key(repository);
        Lazy<LdapUserDirectory>? created = null;
        created = new Lazy<LdapUserDirectory>(() => new LdapUserDirectory(repository, _loggers.CreateLogger<LdapUserDirectory>(),
            onDisposed: () => _directories.TryRemove(new KeyValuePair<string, Lazy<LdapUserDirectory>>(key, created!))));
        return _directories.GetOrAdd(key, created).Value;
    }

    /// <summary>Every setting that changes behaviour (the record's own equality compares the URL list by reference).</summary>
    private static string Key(RepositoryDefinition r) => string.Join('\u001f',
        r.Id, r.Name, r.Kind, r.TenantId, string.Join('\u001e', r.Urls), r.StartTls, r.BaseDn, r.BindDn, r.BindPassword,
        r.UserFilter, r.GroupAttribute, r.CaCertificate ?? "", r.MaxConcurrency, r.TimeoutSeconds, r.LookupCacheSeconds,
        r.MobileAttribute, r.MailAttribute);

    public void Dispose()
    {
        foreach (var directory in _directories.Values.ToArray())
            if (directory.IsValueCreated) directory.Value.Dispose();
        _directories.Clear();
    }
}
