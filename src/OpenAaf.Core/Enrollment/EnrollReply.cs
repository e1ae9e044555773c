using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Enrollment;

/// <summary>An enroll envelope (api.md §7.2) free of wire format.</summary>
public sealed record EnrollReply(EnvelopeStatus Status, Outcome Outcome, string MethodId, string? Message = null)
{
    public IReadOnlyDictionary<string, JsonNode?> Extras { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>Unknown, expired, saved or foreign process: FAILED AUCORE-1015 with the process id in the text.</summary>
    public static EnrollReply NotFound(string processId) =>
        new(EnvelopeStatus.Failed, Outcomes.EnrollProcessNotFound, "", $"Enrollment process is not found {processId}");
}
