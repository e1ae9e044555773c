using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;

namespace OpenAaf.Server.Api.LogonMethods;

/// <summary>
/// The translation of <c>POST /logon_method/FIDO2:1/enroll/{enroll_process_id}</c> (methods.md §10.5), ready
/// for the enroll engine to wire: request → <c>do_enroll</c> <c>response</c> payload, enroll reply →
/// the library's message. The route itself needs the enroll engine's process access.
/// </summary>
public static class Fido2EnrollSubProtocol
{
    /// <summary>The <c>do_enroll</c> payload: <c>{"webauthn_response": …}</c> for a credential, empty for an options request.</summary>
    public static MethodInput ToInput(JsonElement body) => Fido2SubProtocolRequest.ToInput(body);

    /// <summary>The <c>username</c> the client named, which must resolve to the process's bound user (§10.5); null if absent.</summary>
    public static string? UserName(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && JsonKeys.TryGet(body, "username", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;

    /// <summary>An enroll step's result (status, outcome, text, extras of the enroll envelope) as the library's message.</summary>
    public static IResult Reply(EnvelopeStatus status, Outcome outcome, string? message, IReadOnlyDictionary<string, JsonNode?> extras) =>
        status switch
        {
            EnvelopeStatus.MoreData => Fido2SubProtocolJson.Ok(extras.GetValueOrDefault(CreationOptionsJson.Key) as JsonObject),
            EnvelopeStatus.Ok => Fido2SubProtocolJson.Ok(),
            _ => Fido2SubProtocolJson.Failed(message ?? outcome.Message),
        };

    /// <summary>
    /// Unknown, expired, saved or foreign process: HTTP 400 with AUCORE-1015 (§10.5). <paramref name="notFound"/> is
    /// the enroll engine's PROCESS_NOT_FOUND_OR_EXPIRED outcome, which belongs to the enrollment catalogue.
    /// </summary>
    public static IResult NotFound(Outcome notFound, string processId) =>
        Fido2SubProtocolJson.Error(notFound, $"Enrollment process is not found {processId}", 400);

    /// <summary><c>username</c> names someone other than the bound user (§10.5).</summary>
    public static IResult WrongUser() => Fido2SubProtocolJson.Failed("Enrollment process belongs to another user or method");
}
