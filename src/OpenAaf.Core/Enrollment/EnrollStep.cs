using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Enrollment;

/// <summary>The result of one enrollment step: a closed set of three cases.</summary>
public abstract record EnrollStep
{
    private EnrollStep() { }

    /// <summary>Extra enroll-envelope fields (registerRequests, webauthn_creation_options, password, …).</summary>
    public IReadOnlyDictionary<string, JsonNode?> Extras { get; init; } = Empty;

    private static readonly IReadOnlyDictionary<string, JsonNode?> Empty = new Dictionary<string, JsonNode?>();

    /// <summary>MORE_DATA; <paramref name="BindUserId"/> binds an unbound process to a user the payload named (U2F <c>userId</c>).</summary>
    public sealed record MoreData(Outcome Outcome, string? NewState, string? BindUserId = null) : EnrollStep;

    /// <summary>OK: the authenticator data, held in the process until it is saved as a template.</summary>
    public sealed record Done(EnrolledAuthenticator Authenticator) : EnrollStep;

    /// <summary>FAILED: the process stays and the method starts over.</summary>
    public sealed record Failed(Outcome Outcome) : EnrollStep;
}

/// <param name="Data">non-secret display JSON object of the template (methods.md, per method)</param>
/// <param name="Secret">plaintext secret payload; sealed with <see cref="Templates.TemplateSecrets"/> when saved</param>
public sealed record EnrolledAuthenticator(string Data, byte[] Secret);
