using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// The enrollment side of U2F:1 (methods.md §9.4): step 1 issues a registration challenge for an allowed
/// appId, step 2 verifies the registerResponse. A failure makes the engine discard the state, so the
/// client starts again at step 1 with a new challenge.
/// </summary>
internal static class U2fEnrollment
{
    public static EnrollStep Step(EnrollContext context, MethodInput input)
    {
        var outstanding = U2fChallenge.FromState(context.State);
        if (U2fResponseObject.Find(input, "registerResponse", "registrationData", "errorCode") is not { } found)
            return Begin(context, input.GetString("app_id"), input.GetString("user_id"));

        if (found is not { ValueKind: JsonValueKind.Object } response) return new EnrollStep.Failed(U2fOutcomes.U2fRegistrationInvalid);
        return U2fErrorCodes.Of(response) switch
        {
            U2fErrorCode.Timeout => Begin(context, outstanding?.AppId, null),
            U2fErrorCode.Other => new EnrollStep.Failed(U2fOutcomes.U2fRegistrationInvalid),
            _ => U2fRegistrationVerifier.Verify(context, new MethodInput(response), outstanding),
        };
    }

    /// <summary>
    /// Step 1. <c>appId</c> absent → the origin of the public URL; it must be allowed (§9.5). <c>userId</c>
    /// binds an unbound process (api.md §7.1). <c>signRequests</c> lists the user's keys for this appId,
    /// so the token refuses to register one of them twice.
    /// </summary>
    private static EnrollStep Begin(EnrollContext context, string? requestedAppId, string? userId)
    {
        var options = context.Policies.U2fMethod;
        var appId = string.IsNullOrEmpty(requestedAppId)
            ? WebOrigin.Parse(context.PublicUrl, allowHttp: true)?.ToString()
            : requestedAppId;
        if (appId is null || !U2fFacets.IsAllowedAppId(appId, context.PublicUrl, options))
            return new EnrollStep.Failed(U2fOutcomes.U2fAppIdNotAllowed);

        var challenge = U2fChallenge.Issue(context.Random, context.Time, options.ChallengeTimeout, appId);
        var registered = U2fTemplateKey.OpenAll(context.Secrets, context.OtherTemplates)
            .Select(k => k.Key).Where(k => k.AppId == appId);
        return new EnrollStep.MoreData(U2fOutcomes.U2fWaitingRegResponse, challenge.ToState(), string.IsNullOrEmpty(userId) ? null : userId)
        {
            Extras = new Dictionary<string, JsonNode?>
            {
                ["registerRequests"] = U2fRequests.RegisterRequests(appId, challenge),
                ["signRequests"] = U2fRequests.SignRequests(registered, challenge),
            },
        };
    }
}
