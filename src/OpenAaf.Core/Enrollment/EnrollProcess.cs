namespace OpenAaf.Core.Enrollment;

/// <summary>
/// An enrollment in progress (api.md §7): owned by the login session that started it, for one method,
/// bound to a user at the latest when it is saved. Immutable; saved with compare-and-set on <see cref="Version"/>.
/// </summary>
public sealed record EnrollProcess
{
    public required string Id { get; init; }
    public required string LoginSessionId { get; init; }
    public required string MethodId { get; init; }
    /// <summary>The user the authenticator is for; null while unbound.</summary>
    public string? UserId { get; init; }
    /// <summary>The template being modified (<c>auth_t_id</c>), once a step named one.</summary>
    public string? TemplateId { get; init; }
    public string? State { get; init; }
    /// <summary>Set when the method finished (OK); the process then waits to be saved as a template.</summary>
    public EnrolledAuthenticator? Result { get; init; }
    /// <summary>A verdict reached through a method sub-protocol, answered to the client's next <c>do_enroll</c> (methods.md §10.5).</summary>
    public EnrollReply? PendingReply { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset LastUsed { get; init; }
    public long Version { get; init; }
}

public interface IEnrollProcessStore
{
    Task AddAsync(EnrollProcess process, CancellationToken cancellationToken);
    Task<EnrollProcess?> GetAsync(string id, CancellationToken cancellationToken);
    /// <summary>Compare-and-set as <see cref="Sessions.ILogonProcessStore.TryUpdateAsync"/>: stored Version becomes expectedVersion + 1.</summary>
    Task<bool> TryUpdateAsync(EnrollProcess process, long expectedVersion, CancellationToken cancellationToken);
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken);
    Task PruneAsync(DateTimeOffset idleBefore, DateTimeOffset createdBefore, CancellationToken cancellationToken);
}
