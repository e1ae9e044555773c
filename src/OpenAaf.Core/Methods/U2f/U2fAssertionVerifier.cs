using System.Security.Cryptography;
using System.Text;
using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// Verifies a decoded assertion in the order of methods.md §9.2 steps 2–9 (WebAuthn differences of §9.3);
/// the first failure wins. The logon engine ends the process on a failure and clears the method state
/// on a success, so the challenge is single-use either way.
/// </summary>
internal static class U2fAssertionVerifier
{
    public static MethodStep Verify(MethodContext context, U2fAssertion assertion, IReadOnlyList<U2fTemplateKey> keys, U2fChallenge? outstanding)
    {
        var options = context.Policies.U2fMethod;

        // Step 2: only this user's eligible templates, so one user's key handle never opens another account.
        var match = keys.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(k.Key.KeyHandle, assertion.KeyHandle));
        if (match is null) return Fail(U2fOutcomes.U2fUnknownKey);

        // Step 3: typ (or type for WebAuthn and re-packed WebAuthn assertions).
        var clientData = U2fClientData.Parse(assertion.ClientData);
        if (clientData is null || !(assertion.IsWebAuthn ? clientData.IsWebAuthnAssertion : clientData.IsLegacyAssertion))
            return Fail(U2fOutcomes.U2fBadResponse);

        // Step 4: exactly the outstanding, unexpired challenge of this process.
        var answered = WebSafeBase64.Decode(clientData.Challenge, U2fChallenge.Size);
        if (outstanding is null || answered is null || !outstanding.Accepts(answered, context.Time.GetUtcNow()))
            return Fail(U2fOutcomes.U2fChallengeMismatch);

        // Step 5: an allowed facet of the template's app_id (§9.5); a cross-origin WebAuthn call never is (§9.3).
        if (clientData.CrossOrigin || !U2fFacets.IsAllowedFacet(clientData.Origin, match.Key.AppId, options))
            return Fail(U2fOutcomes.U2fOriginMismatch);

        // Step 6: layout, then user presence.
        var appIdHash = SHA256.HashData(Encoding.UTF8.GetBytes(match.Key.AppId));
        if (U2fSignedResponse.From(assertion, appIdHash) is not { } signed) return Fail(U2fOutcomes.U2fBadResponse);
        if (!signed.UserPresent) return Fail(U2fOutcomes.U2fUserNotPresent);

        // Step 7: ECDSA P-256 / SHA-256 over the bytes as received. The stored key was checked at registration;
        // if it no longer imports, nothing can verify, so fail closed.
        using var publicKey = P256.Import(match.Key.PublicKey);
        if (publicKey is null || !P256.VerifyDer(publicKey, signed.SignedBytes(assertion.ClientData), signed.Signature))
            return Fail(U2fOutcomes.U2fSignatureInvalid);

        // Step 8: strictly increasing, or zero on both sides for keys without a counter. Counters may jump.
        var stored = match.Key.Counter;
        if (signed.Counter <= stored && !(signed.Counter == 0 && stored == 0)) return Fail(U2fOutcomes.U2fCounterRegression);

        // Step 9. The new counter is saved with compare-and-set on the template version; a parallel request
        // that saved first makes this one a regression as well.
        var updated = signed.Counter == stored ? null : match.WithCounter(signed.Counter);
        return new MethodStep.Passed(match.Template, updated, U2fOutcomes.U2fCounterRegression);
    }

    private static MethodStep.Failed Fail(Outcome outcome) => new(outcome);
}
