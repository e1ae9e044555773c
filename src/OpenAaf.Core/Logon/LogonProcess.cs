using OpenAaf.Core.Users;

namespace OpenAaf.Core.Logon;

public enum LogonStage
{
    /// <summary>A method is current and may take answers.</summary>
    InProgress,
    /// <summary>The last reply was NEXT: the client must pick the next method.</summary>
    AwaitingNext,
}

/// <param name="ChainId">the chain's id</param>
/// <param name="Position">0-based index in the event's full chain list, before filtering</param>
public sealed record OfferedChain(string ChainId, int Position);

/// <summary>
/// The state of one logon (api.md §5): who, for which event, which chains were offered, what is done,
/// and the current method's private state. Immutable; every change is saved with compare-and-set on
/// <see cref="Version"/>, which is what makes "one of two concurrent answers wins" true.
/// </summary>
public sealed record LogonProcess
{
    public required string Id { get; init; }
    public required string EndpointSessionId { get; init; }
    public required string EndpointId { get; init; }
    public required AuthenticatedUser User { get; init; }
    public required string EventName { get; init; }
    public required IReadOnlyList<OfferedChain> OfferedChains { get; init; }
    /// <summary>Category requested at start, "" if none.</summary>
    public string CategoryId { get; init; } = "";
    public string CurrentCategoryId { get; init; } = "";
    public required string CurrentMethod { get; init; }
    public IReadOnlyList<string> CompletedMethods { get; init; } = [];
    public LogonStage Stage { get; init; } = LogonStage.InProgress;
    /// <summary>The current method's private state between steps (challenge, OTP sent, …); null at its start.</summary>
    public string? MethodState { get; init; }
    /// <summary>
    /// A verdict the current method reached through its sub-protocol (methods.md §10.3), already committed
    /// (lockout counted, template counters saved); the next <c>do_logon</c> delivers it. Null otherwise.
    /// </summary>
    public Methods.MethodStep? DeferredStep { get; init; }
    /// <summary>Template verified by the step that completed last (repeated NEXT replies show it again).</summary>
    public string? CompletedTemplateId { get; init; }
    /// <summary>Set for a template test (api.md §8.5): the one template it may use; no login session results.</summary>
    public string? TestTemplateId { get; init; }
    /// <summary>The login session that started a template test.</summary>
    public string? LoginSessionId { get; init; }
    public bool IsTest => TestTemplateId is not null;
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset LastUsed { get; init; }
    public long Version { get; init; }
}
