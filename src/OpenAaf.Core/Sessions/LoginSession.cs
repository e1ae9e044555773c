namespace OpenAaf.Core.Sessions;

/// <summary>The result of an OK logon: a bearer credential for the user-scoped calls (api.md §6).</summary>
public sealed record LoginSession
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public required string UserName { get; init; }
    public required string RepositoryId { get; init; }
    public required string RepositoryObjectId { get; init; }
    public required string EventName { get; init; }
    public required string ChainId { get; init; }
    public required string EndpointId { get; init; }
    public IReadOnlyList<string> UserGroups { get; init; } = [];
    /// <summary>Roles the owner held when the session was created (api.md §4.6): what helpdesk rights rest on.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset LastUsed { get; init; }
    /// <summary>Set by logout or expiry; the record stays as a tombstone so that clients hear "expired".</summary>
    public DateTimeOffset? EndedAt { get; init; }
}
