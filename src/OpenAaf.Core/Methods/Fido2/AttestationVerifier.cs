using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// The attestation statement check of WebAuthn §7.1 steps 19–21 as methods.md §10.6 step 4 narrows it:
/// <c>none</c>, <c>packed</c> and <c>fido-u2f</c> are verified; other formats count as <c>none</c> unless
/// the policy wants attestation checked. Null means accepted.
/// </summary>
internal static class AttestationVerifier
{
    public static Outcome? Verify(
        AttestationObject attestation, AuthenticatorData authData, byte[] clientDataHash, Fido2MethodOptions options, DateTimeOffset now)
    {
        var statement = attestation.Statement;
        switch (attestation.Format)
        {
            case "none":
                // WebAuthn §8.7: the statement of "none" is the empty map.
                if (!statement.IsEmpty) return Fido2Outcomes.Fido2RegistrationInvalid;
                return options.CheckAttestation ? Outcomes.AttestationNotTrusted : null;
            case "packed":
                if (PackedAttestation.Verify(statement, authData, clientDataHash) is { } packedFailure) return packedFailure;
                break;
            case "fido-u2f":
                if (FidoU2fAttestation.Verify(statement, authData, clientDataHash) is { } u2fFailure) return u2fFailure;
                break;
            default:
                return options.CheckAttestation ? Outcomes.AttestationNotTrusted : null;
        }
        if (!options.CheckAttestation) return null;
        // Self attestation (packed without x5c) has no chain to any root.
        return statement.Certificates is { } chain && AttestationTrust.Chains(chain, options.AttestationRoots, now)
            ? null
            : Outcomes.AttestationNotTrusted;
    }
}
