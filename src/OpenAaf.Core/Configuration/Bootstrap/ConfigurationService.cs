using OpenAaf.Core.Methods;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>
/// The one owner of configuration objects (singleton). Readers take <see cref="Current"/>, an immutable
/// snapshot; every change is written to the store first and then swapped in whole, so a request never
/// sees half a change. Writers are serialized.
/// </summary>
/// <remarks>
/// Which wins when the file and the admin API touch the same object: the file, at each start, for every
/// object and policy component it declares (matched by name); objects it does not declare are kept as
/// they are. A LOCAL user's password is the exception: it is applied when the file's password changes.
/// </remarks>
public sealed class ConfigurationService : IConfigurationSource, Endpoints.IEndpointCatalog
{
    private readonly IConfigurationStore _store;
    private readonly IMetadataStore _metadata;
    private readonly MasterKey _masterKey;
    private readonly StoredObjectCodec _codec;
    private readonly IReadOnlyList<PolicyComponent> _policyComponents;
    private readonly LocalUserBootstrapper _users;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private ConfigurationSnapshot _current = ConfigurationSnapshot.Empty;
    private bool _initialized;

    public ConfigurationService(
        IConfigurationStore store, IMetadataStore metadata, IUserStore users, ITemplateStore templates,
        MasterKey masterKey, PasswordHasher hasher, TimeProvider time, MethodCatalog methods)
    {
        _store = store;
        _metadata = metadata;
        _masterKey = masterKey;
        // The method components come from the catalogue: a component of a method this server lacks is skipped.
        _policyComponents = methods.PolicyComponents;
        _codec = new StoredObjectCodec(masterKey.CreateProtector(), _policyComponents);
        _users = new LocalUserBootstrapper(users, templates, metadata, hasher, masterKey.DeriveKey("local-user-password-mac"), time);
    }

    public ConfigurationSnapshot Current => Volatile.Read(ref _current);

    /// <summary>True once a bootstrap document has been applied (the readiness condition of operations.md).</summary>
    public bool IsBootstrapApplied { get; private set; }

    /// <summary>
    /// Checks the master key against the data (<see cref="MasterKeyMismatchException"/> when it does not
    /// match), then loads every stored object, decrypting secrets into memory.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _masterKey.VerifyAsync(_metadata, cancellationToken).ConfigureAwait(false);
            var items = await _store.LoadAllAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, _codec.Decode(items));
            _initialized = true;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Applies the document declaratively and idempotently, by name (see the class remarks for which wins).</summary>
    public async Task ApplyBootstrapAsync(BootstrapDocument document, CancellationToken cancellationToken = default)
    {
        if (!_initialized) await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var plan = BootstrapMerger.Merge(Current, document, _policyComponents);
            await WriteAsync(plan, document.PolicyComponents, cancellationToken).ConfigureAwait(false);
            var local = plan.Repositories.First(r => r.Kind == RepositoryKind.Local
                && StringComparer.OrdinalIgnoreCase.Equals(r.Name, RepositoryDefinition.LocalName));
            await _users.ApplyAsync(local.Id, document.Users, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, new ConfigurationSnapshot(
                plan.Repositories, plan.Chains, plan.Events, plan.Categories, plan.Endpoints, plan.Policies));
            IsBootstrapApplied = true;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Registers an endpoint; a name already used in the tenant (case-insensitive) or a taken id is a conflict value.</summary>
    public async Task<EndpointAddResult> AddEndpointAsync(EndpointDefinition endpoint, CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Current;
            if (current.Endpoints.Any(e => e.TenantId == endpoint.TenantId && StringComparer.OrdinalIgnoreCase.Equals(e.Name, endpoint.Name)))
                return EndpointAddResult.NameConflict;
            if (current.FindEndpoint(endpoint.Id) is not null) return EndpointAddResult.IdConflict;
            await _store.UpsertAsync(_codec.Encode(endpoint, current.Endpoints.Count), cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, current.With(endpoints: [.. current.Endpoints, endpoint]));
            return new EndpointAddResult(EndpointAddOutcome.Added, endpoint);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Removes an endpoint; false when there is none with this id.</summary>
    async Task<bool> Endpoints.IEndpointCatalog.TryAddAsync(EndpointDefinition endpoint, CancellationToken cancellationToken) =>
        (await AddEndpointAsync(endpoint, cancellationToken).ConfigureAwait(false)).Outcome == EndpointAddOutcome.Added;

    Task<bool> Endpoints.IEndpointCatalog.DeleteAsync(string endpointId, CancellationToken cancellationToken) =>
        DeleteEndpointAsync(endpointId, cancellationToken);

    public async Task<bool> DeleteEndpointAsync(string id, CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Current;
            if (current.FindEndpoint(id) is not { } endpoint) return false;
            await _store.DeleteAsync(ConfigObjectKinds.Endpoint, endpoint.Id, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, current.With(endpoints: current.Endpoints.Where(e => e.Id != endpoint.Id).ToList()));
            return true;
        }
        finally
        {
            _writer.Release();
        }
    }

    // Note: every object of the plan is written, not only the changed ones: a handful of rows at start,
    // and positions (configuration order) stay contiguous.
    private async Task WriteAsync(BootstrapPlan plan, IReadOnlySet<string> policyComponents, CancellationToken cancellationToken)
    {
        foreach (var id in plan.DeletedEndpointIds)
            await _store.DeleteAsync(ConfigObjectKinds.Endpoint, id, cancellationToken).ConfigureAwait(false);
        IEnumerable<StoredConfigObject> items =
        [
            .. plan.Repositories.Select(_codec.Encode),
            .. plan.Chains.Select(StoredObjectCodec.Encode),
            .. plan.Events.Select(StoredObjectCodec.Encode),
            .. plan.Categories.Select(StoredObjectCodec.Encode),
            .. plan.Endpoints.Select(_codec.Encode),
            .. _policyComponents.Where(c => policyComponents.Contains(c.Id)).Select(c => _codec.EncodePolicy(c.Id, plan.Policies)),
        ];
        foreach (var item in items)
            await _store.UpsertAsync(item, cancellationToken).ConfigureAwait(false);
    }
}
