using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>The logon side of FIDO2:1: options (methods.md §10.1) and assertion (§10.2), native path.</summary>
internal static class Fido2Logon
{
    public static MethodStep Answer(MethodContext context, MethodInput input)
    {
        var secrets = context.Secrets ?? throw new InvalidOperationException("FIDO2:1 needs template secrets in its context.");
        var policy = Fido2Policy.From(context.Policies.Fido2Method, context.PublicUrl);
        var state = Fido2State.Parse(context.State);
        var credentials = context.Templates
            .Select(t => new StoredCredential(t, Fido2Credential.Open(secrets, t)))
            .ToList();
        return Fido2Input.HasCredential(input, out var credential)
            ? Verify(context, credential, credentials, state, policy)
            : Options(context, Fido2Input.RequestedRpId(input), credentials, state, policy);
    }

    private static MethodStep Options(
        MethodContext context, string? requested, List<StoredCredential> credentials, Fido2State? state, Fido2Policy policy)
    {
        // §10.1: rp_id must be allowed; absent = the RP id of the outstanding challenge, else the first configured one.
        var rpId = requested is null ? state?.RpId ?? policy.DefaultRpId : policy.AllowedRpId(requested);
        if (rpId is null || policy.AllowedRpId(rpId) is null) return new MethodStep.Failed(Fido2Outcomes.Fido2RpIdMismatch);
        var offered = credentials.Where(c => c.Credential.RpId == rpId).Select(c => c.Credential).ToList();
        if (offered.Count == 0) return new MethodStep.Failed(Outcomes.MethodNotEnrolled);

        // One challenge per process: an unexpired one is repeated (polling), otherwise a new one replaces it.
        var now = context.Time.GetUtcNow();
        var next = state is { } live && live.RpId == rpId && live.IsLive(now) ? live : Fido2State.Issue(rpId, context.Random, now, policy.Timeout);
        return new MethodStep.MoreData(Fido2Outcomes.Fido2WaitingAssertion, next.Serialize())
        {
            Extras = new Dictionary<string, JsonNode?> { [RequestOptionsJson.Key] = RequestOptionsJson.Build(next, offered, policy) },
        };
    }

    private static MethodStep Verify(
        MethodContext context, JsonElement credential, List<StoredCredential> credentials, Fido2State? state, Fido2Policy policy)
    {
        if (WebAuthnResponse.TryParse(credential) is not { } response) return new MethodStep.Failed(Fido2Outcomes.Fido2BadResponse);
        var rpId = state?.RpId ?? policy.DefaultRpId;
        var offered = credentials.Where(c => c.Credential.RpId == rpId).ToList();
        var result = AssertionVerifier.Verify(response, offered, state, policy, context.Time.GetUtcNow());
        if (result.Failure is { } failure) return new MethodStep.Failed(failure);

        var (template, before) = result.Verified!;
        var after = result.Updated!;
        if (after.SignCount == before.SignCount && after.BackupState == before.BackupState && after.BackupEligible == before.BackupEligible)
            return new MethodStep.Passed(template);
        // §10.2 step 9: the new counter is saved with compare-and-set on the template version; losing the race
        // to another assertion with the same credential is a regression. The sealed secret stays as it is.
        var updated = TemplateLogonState.With(template, Fido2LogonState.Of(after));
        return new MethodStep.Passed(template, updated, Fido2Outcomes.Fido2CounterRegression);
    }
}
