using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;

namespace OpenAaf.Server.Api.LogonMethods;

/// <summary>
/// The translation of <c>POST /logon_method/FIDO2:1/enroll/{enroll_process_id}</c> (methods.md §10.5), ready to
/// wire: request → <c>do_enroll</c> <c>response</c> payload, <see cref="EnrollReply"/> → the library's message.
/// Mapped by <see cref="Fido2SubProtocolApi"/>; the enroll engine keeps the verdict for the client's next <c>do_enroll</c>.
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

    /// <summary>An enroll reply as the library's message; a missing process or a busy one is an HTTP error (§10.5).</summary>
    public static IResult Reply(EnrollReply reply)
    {
        if (reply.Outcome == Outcomes.EnrollProcessNotFound || reply.Outcome == Outcomes.ProcessBusy)
            return Fido2SubProtocolJson.Error(reply.Outcome, reply.Message);
        return reply.Status switch
        {
            EnvelopeStatus.MoreData => Fido2SubProtocolJson.Ok(reply.Extras.GetValueOrDefault(CreationOptionsJson.Key) as JsonObject),
            EnvelopeStatus.Ok => Fido2SubProtocolJson.Ok(),
            _ => Fido2SubProtocolJson.Failed(reply.Message ?? reply.Outcome.Message),
        };
    }

    /// <summary>Unknown, expired, saved or foreign process: HTTP 400 with AUCORE-1015 (§10.5).</summary>
    public static IResult NotFound(string processId) => Reply(EnrollReply.NotFound(processId));

    /// <summary><c>username</c> names someone other than the bound user (§10.5).</summary>
    public static IResult WrongUser() => Fido2SubProtocolJson.Failed(Outcomes.EnrollProcessMismatch.Message);
}
