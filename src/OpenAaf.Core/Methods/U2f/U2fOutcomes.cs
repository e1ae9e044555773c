using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// The catalogue entries of U2F:1 (methods.md §9): logon (api.md §11.2, §11.4) and enrollment (§11.5); 3124, 3126
/// and 3129, shared with FIDO2:1, are in the shared catalogue.
/// </summary>
public static class U2fOutcomes
{
    public static readonly Outcome U2fWaitingAuthResponse = new("AUCORE-2059", "U2F_WAITING_AUTH_RESPONSE", "Waiting for an authentication response");
    public static readonly Outcome U2fUnknownKey = new("OAAF-2141", "U2F_UNKNOWN_KEY", "Security key is not registered", CountsForLockout: true);
    public static readonly Outcome U2fChallengeMismatch = new("OAAF-2142", "U2F_CHALLENGE_MISMATCH", "Challenge is invalid or has expired");
    public static readonly Outcome U2fOriginMismatch = new("OAAF-2143", "U2F_ORIGIN_MISMATCH", "Origin is not allowed");
    public static readonly Outcome U2fSignatureInvalid = new("OAAF-2144", "U2F_SIGNATURE_INVALID", "Signature is not valid", CountsForLockout: true);
    public static readonly Outcome U2fUserNotPresent = new("OAAF-2145", "U2F_USER_NOT_PRESENT", "User presence was not confirmed");
    public static readonly Outcome U2fCounterRegression = new("OAAF-2146", "U2F_COUNTER_REGRESSION", "Security key may be cloned", CountsForLockout: true);
    public static readonly Outcome U2fBadResponse = new("OAAF-2147", "U2F_BAD_RESPONSE", "Response is malformed");
    public static readonly Outcome U2fClientError = new("OAAF-2148", "U2F_CLIENT_ERROR", "Security key reported an error");
    public static readonly Outcome U2fWaitingRegResponse = new("OAAF-3102", "U2F_WAITING_REG_RESPONSE", "Waiting for a registration response");
    public static readonly Outcome U2fRegistrationInvalid = new("OAAF-3122", "U2F_REGISTRATION_INVALID", "Registration response is not valid");
    public static readonly Outcome U2fAppIdNotAllowed = new("OAAF-3123", "U2F_APPID_NOT_ALLOWED", "Application id or origin is not allowed");
}
