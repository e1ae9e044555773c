using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>The enrollment side of FIDO2:1: creation options and registration (methods.md §10.4, §10.6), native path.</summary>
internal static class Fido2Enrollment
{
    public static EnrollStep Enroll(EnrollContext context, MethodInput input)
    {
        // §10.4: an unbound process is bound to the session owner (helpdesks name the user in POST /enroll).
        var user = context.User ?? context.SessionUser;
        if (user is null) return new EnrollStep.Failed(Outcomes.EnrollProcessMismatch);
        var policy = Fido2Policy.From(context.Policies.Fido2Method, context.PublicUrl);
        var state = Fido2State.Parse(context.State);
        var registered = context.OtherTemplates
            .Select(t => Fido2Credential.Deserialize(context.Secrets.Open(t)))
            .ToList();
        return Fido2Input.HasCredential(input, out var credential)
            ? Register(context, user, credential, state, policy, registered)
            : Options(context, user, Fido2Input.RequestedRpId(input), state, policy, registered);
    }

    private static EnrollStep Options(
        EnrollContext context, AuthenticatedUser user, string? requested, Fido2State? state, Fido2Policy policy,
        List<Fido2Credential> registered)
    {
        var rpId = requested is null ? state?.RpId ?? policy.DefaultRpId : policy.AllowedRpId(requested);
        if (rpId is null || policy.AllowedRpId(rpId) is null) return new EnrollStep.Failed(Fido2Outcomes.Fido2RpIdNotAllowed);
        var now = context.Time.GetUtcNow();
        var next = state is { } live && live.RpId == rpId && live.IsLive(now) ? live : Fido2State.Issue(rpId, context.Random, now, policy.Timeout);
        var options = CreationOptionsJson.Build(next, user, policy, registered.Where(c => c.RpId == rpId));
        var bind = context.User is null ? user.UserId : null;
        return new EnrollStep.MoreData(Fido2Outcomes.Fido2WaitingRegistration, next.Serialize(), bind)
        {
            Extras = new Dictionary<string, JsonNode?> { [CreationOptionsJson.Key] = options },
        };
    }

    private static EnrollStep Register(
        EnrollContext context, AuthenticatedUser user, JsonElement credential, Fido2State? state, Fido2Policy policy,
        List<Fido2Credential> registered)
    {
        // A credential for an unbound process cannot be the session owner's: step 1 bound it (or failed).
        if (context.User is null) return new EnrollStep.Failed(Outcomes.ChallengeMismatch);
        if (WebAuthnResponse.TryParse(credential) is not { } response) return new EnrollStep.Failed(Fido2Outcomes.Fido2RegistrationInvalid);
        var handle = CreationOptionsJson.UserHandle(user);
        var result = RegistrationVerifier.Verify(response, state, policy, handle, registered, context.Time.GetUtcNow());
        if (result.Failure is { } failure) return new EnrollStep.Failed(failure);
        var stored = result.Credential!;
        return new EnrollStep.Done(new EnrolledAuthenticator(stored.DisplayData(), stored.Serialize()));
    }
}
