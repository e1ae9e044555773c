using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// The catalogue entries of FIDO2:1 (methods.md §10): logon (api.md §11.4) and enrollment (§11.5); 3124, 3126 and
/// 3129, shared with U2F:1, are in the shared catalogue.
/// </summary>
public static class Fido2Outcomes
{
    public static readonly Outcome Fido2WaitingAssertion = new("OAAF-2151", "FIDO2_WAITING_ASSERTION", "Waiting for the security key");
    public static readonly Outcome Fido2UnknownCredential = new("OAAF-2152", "FIDO2_UNKNOWN_CREDENTIAL", "Security key is not registered", CountsForLockout: true);
    public static readonly Outcome Fido2ChallengeMismatch = new("OAAF-2153", "FIDO2_CHALLENGE_MISMATCH", "Challenge is invalid or has expired");
    public static readonly Outcome Fido2OriginMismatch = new("OAAF-2154", "FIDO2_ORIGIN_MISMATCH", "Origin is not allowed");
    public static readonly Outcome Fido2RpIdMismatch = new("OAAF-2155", "FIDO2_RPID_MISMATCH", "Relying party does not match");
    public static readonly Outcome Fido2SignatureInvalid = new("OAAF-2156", "FIDO2_SIGNATURE_INVALID", "Signature is not valid", CountsForLockout: true);
    public static readonly Outcome Fido2UserNotPresent = new("OAAF-2157", "FIDO2_USER_NOT_PRESENT", "User presence was not confirmed");
    public static readonly Outcome Fido2UserNotVerified = new("OAAF-2158", "FIDO2_USER_NOT_VERIFIED", "User verification is required");
    public static readonly Outcome Fido2CounterRegression = new("OAAF-2159", "FIDO2_COUNTER_REGRESSION", "Security key may be cloned", CountsForLockout: true);
    public static readonly Outcome Fido2BadResponse = new("OAAF-2160", "FIDO2_BAD_RESPONSE", "Response is malformed");
    public static readonly Outcome Fido2WaitingRegistration = new("OAAF-3103", "FIDO2_WAITING_REGISTRATION", "Waiting for the security key");
    public static readonly Outcome Fido2RegistrationInvalid = new("OAAF-3127", "FIDO2_REGISTRATION_INVALID", "Registration response is not valid");
    public static readonly Outcome Fido2RpIdNotAllowed = new("OAAF-3128", "FIDO2_RPID_NOT_ALLOWED", "Relying party id or origin is not allowed");
}
