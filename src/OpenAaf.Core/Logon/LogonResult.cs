using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;

namespace OpenAaf.Core.Logon;

/// <summary>A chain as offered to one logon: its definition and its position in the event's full list.</summary>
public sealed record ChainAtPosition(ChainDefinition Chain, int Position);

/// <summary>
/// Everything a logon envelope (api.md §5.7) is made of, free of any wire format: the server's
/// envelope writer is the only place that turns it into JSON.
/// </summary>
public sealed record LogonResult
{
    public required EnvelopeStatus Status { get; init; }
    public required Outcome Outcome { get; init; }
    public required LogonProcess Process { get; init; }
    public required EventDefinition Event { get; init; }
    public required IReadOnlyList<ChainAtPosition> Chains { get; init; }
    /// <summary>The categories of an event that does not allow all of them; null otherwise.</summary>
    public IReadOnlyList<Category>? Categories { get; init; }
    /// <summary>The user belongs to an LDAP/AD repository (the LdapRules plugin once a method passed).</summary>
    public bool FromDirectory { get; init; }
    public string? CompletedTemplateId { get; init; }
    public string? LoginSessionId { get; init; }
    public ChainAtPosition? CompletedChain { get; init; }
    public IReadOnlyDictionary<string, JsonNode?> Extras { get; init; } = new Dictionary<string, JsonNode?>();

    public bool HasIdentity => Status is EnvelopeStatus.Next or EnvelopeStatus.Ok;
}

/// <summary>Either a logon envelope, or a protocol error answered with an HTTP error status.</summary>
public readonly record struct LogonReply(LogonResult? Result, Outcome? Error)
{
    public static implicit operator LogonReply(LogonResult result) => new(result, null);
    public static implicit operator LogonReply(Outcome error) => new(null, error);
}
