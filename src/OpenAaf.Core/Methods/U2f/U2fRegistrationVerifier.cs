using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>Verifies a U2F registerResponse in the order of methods.md §9.4 step 2; the first failure wins.</summary>
internal static class U2fRegistrationVerifier
{
    public static EnrollStep Verify(EnrollContext context, MethodInput response, U2fChallenge? outstanding)
    {
        var options = context.Policies.U2fMethod;

        // Step 1: decode; clientData typ, then the outstanding challenge (consumed: a failure resets the
        // method, a success ends it), then the origin against the process's appId, not the one echoed back.
        var registrationBytes = WebSafeBase64.Decode(response.GetString("registrationData"), U2fLimits.RegistrationData);
        var clientDataBytes = WebSafeBase64.Decode(response.GetString("clientData"), U2fLimits.ClientData);
        if (registrationBytes is null || clientDataBytes is null) return Fail(U2fOutcomes.U2fRegistrationInvalid);
        var clientData = U2fClientData.Parse(clientDataBytes);
        if (clientData?.Typ != U2fClientData.FinishEnrollment) return Fail(U2fOutcomes.U2fRegistrationInvalid);
        var answered = WebSafeBase64.Decode(clientData.Challenge, U2fChallenge.Size);
        if (outstanding?.AppId is not { } appId || answered is null || !outstanding.Accepts(answered, context.Time.GetUtcNow()))
            return Fail(Outcomes.ChallengeMismatch);
        if (!U2fFacets.IsAllowedFacet(clientData.Origin, appId, options)) return Fail(U2fOutcomes.U2fAppIdNotAllowed);

        // Step 2: the raw layout, a real P-256 user key, a parsable certificate with a P-256 key.
        if (U2fRegistrationData.Parse(registrationBytes) is not { } registration) return Fail(U2fOutcomes.U2fRegistrationInvalid);
        using var userKey = P256.Import(registration.PublicKey);
        var (certificate, attestationKey) = LoadAttestation(registration.Certificate);
        using (certificate)
        using (attestationKey)
        {
            if (userKey is null || certificate is null || attestationKey is not { KeySize: 256 })
                return Fail(U2fOutcomes.U2fRegistrationInvalid);
            return VerifySignedKey(context, appId, clientDataBytes, registration, certificate, attestationKey);
        }
    }

    /// <summary>Steps 3–6, once every part parsed.</summary>
    private static EnrollStep VerifySignedKey(
        EnrollContext context, string appId, byte[] clientDataBytes, U2fRegistrationData registration,
        X509Certificate2 certificate, ECDsa attestationKey)
    {
        var options = context.Policies.U2fMethod;

        // Step 3: the attestation signature over 00 ‖ SHA-256(appId) ‖ SHA-256(clientData) ‖ key handle ‖ public key.
        byte[] signed = [0x00, .. SHA256.HashData(Encoding.UTF8.GetBytes(appId)), .. SHA256.HashData(clientDataBytes),
            .. registration.KeyHandle, .. registration.PublicKey];
        if (!P256.VerifyDer(attestationKey, signed, registration.Signature)) return Fail(U2fOutcomes.U2fRegistrationInvalid);

        // Step 4: attestation trust only on request; self-signed batch certificates are common.
        if (options.CheckAttestation && !U2fAttestation.IsTrusted(certificate, options, context.Time.GetUtcNow()))
            return Fail(Outcomes.AttestationNotTrusted);

        // Step 5: the same key handle or public key already registered for this user, under any appId.
        foreach (var other in U2fTemplateKey.OpenAll(context.Secrets, context.OtherTemplates))
            if (CryptographicOperations.FixedTimeEquals(other.Key.KeyHandle, registration.KeyHandle) ||
                CryptographicOperations.FixedTimeEquals(other.Key.PublicKey, registration.PublicKey))
                return Fail(Outcomes.KeyAlreadyRegistered);

        // Step 6: counter 0 until the first logon.
        var key = new U2fKey
        {
            AppId = appId, KeyHandle = registration.KeyHandle, PublicKey = registration.PublicKey,
            AttestationCertificate = registration.Certificate,
        };
        return new EnrollStep.Done(new EnrolledAuthenticator(U2fTemplateData.For(appId), key.ToPayload()));
    }

    /// <summary>The certificate and its EC key; nulls when either does not parse (an off-curve key throws).</summary>
    private static (X509Certificate2? Certificate, ECDsa? Key) LoadAttestation(byte[] der)
    {
        X509Certificate2? certificate = null;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(der);
            return (certificate, certificate.GetECDsaPublicKey());
        }
        catch (CryptographicException)
        {
            certificate?.Dispose();
            return (null, null);
        }
    }

    private static EnrollStep.Failed Fail(Outcome outcome) => new(outcome);
}
