using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// The logon side of U2F:1: a challenge for the user's keys (methods.md §9.1), then a legacy sign response
/// (§9.2) or a WebAuthn assertion with the appid extension (§9.3).
/// </summary>
internal static class U2fLogon
{
    public static MethodStep Answer(MethodContext context, MethodInput input)
    {
        var secrets = context.Secrets ?? throw new InvalidOperationException("U2F:1 needs template secrets.");
        var keys = U2fTemplateKey.OpenAll(secrets, context.Templates);
        if (keys.Count == 0) return new MethodStep.Failed(Outcomes.MethodNotEnrolled);
        var outstanding = U2fChallenge.FromState(context.State);

        if (U2fResponseObject.Find(input, "signResponse", "signatureData", "errorCode") is { } signResponse)
        {
            if (signResponse is not { ValueKind: JsonValueKind.Object } response) return new MethodStep.Failed(U2fOutcomes.U2fBadResponse);
            // §9.2: errorCode 5 (TIMEOUT) repeats step 1 with a new challenge; any other code is a client error.
            switch (U2fErrorCodes.Of(response))
            {
                case U2fErrorCode.Timeout: return Challenge(context, keys, null);
                case U2fErrorCode.Other: return new MethodStep.Failed(U2fOutcomes.U2fClientError);
            }
            return U2fAssertion.FromSignResponse(response) is { } assertion
                ? U2fAssertionVerifier.Verify(context, assertion, keys, outstanding)
                : new MethodStep.Failed(U2fOutcomes.U2fBadResponse);
        }
        if (JsonKeys.TryGet(input.Raw, "webauthn_response", out var credential))
        {
            return credential.ValueKind == JsonValueKind.Object && U2fAssertion.FromWebAuthn(credential) is { } assertion
                ? U2fAssertionVerifier.Verify(context, assertion, keys, outstanding)
                : new MethodStep.Failed(U2fOutcomes.U2fBadResponse);
        }
        return Challenge(context, keys, input.GetString("app_id"));
    }

    /// <summary>
    /// §9.1: a new 32-byte challenge replaces any earlier one. With <c>app_id</c>, only the keys of exactly
    /// that appId are offered, when there are any.
    /// </summary>
    private static MethodStep Challenge(MethodContext context, IReadOnlyList<U2fTemplateKey> all, string? appId)
    {
        var options = context.Policies.U2fMethod;
        var keys = all.Select(k => k.Key).ToList();
        if (!string.IsNullOrEmpty(appId) && keys.Where(k => k.AppId == appId).ToList() is { Count: > 0 } ofAppId) keys = ofAppId;
        var challenge = U2fChallenge.Issue(context.Random, context.Time, options.ChallengeTimeout);
        return new MethodStep.MoreData(U2fOutcomes.U2fWaitingAuthResponse, challenge.ToState())
        {
            Extras = new Dictionary<string, JsonNode?>
            {
                ["signRequests"] = U2fRequests.SignRequests(keys, challenge),
                ["webauth_challenge"] = U2fRequests.WebAuthChallenge(keys, challenge, options.ChallengeTimeout),
            },
        };
    }
}
