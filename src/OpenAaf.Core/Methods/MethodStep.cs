using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Methods;

/// <summary>The result of one method step: a closed set of three cases.</summary>
public abstract record MethodStep
{
    private MethodStep() { }

    /// <summary>Extra envelope fields of the method (challenge, score, …); keys as on the wire.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Extras { get; init; } = Empty;

    private static readonly IReadOnlyDictionary<string, JsonNode?> Empty = new Dictionary<string, JsonNode?>();

    /// <summary>The method needs (more) input: MORE_DATA with <paramref name="Outcome"/>.</summary>
    public sealed record MoreData(Outcome Outcome, string? NewState) : MethodStep;

    /// <summary>
    /// The method passed with <paramref name="Template"/>. <paramref name="UpdatedTemplate"/> (counters, re-hash) is
    /// saved with compare-and-set on the version that was read; when another request changed the template
    /// first, the step fails with <paramref name="ConflictOutcome"/> (replay protection), or passes anyway
    /// when that is null (a re-hash that may be lost).
    /// </summary>
    public sealed record Passed(Template Template, Template? UpdatedTemplate = null, Outcome? ConflictOutcome = null) : MethodStep;

    /// <summary>The method failed: FAILED with <paramref name="Outcome"/>; the process ends.</summary>
    public sealed record Failed(Outcome Outcome) : MethodStep;
}
