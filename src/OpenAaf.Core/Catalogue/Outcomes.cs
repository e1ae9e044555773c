namespace OpenAaf.Core.Catalogue;

/// <summary>The catalogue of api.md §11 as named values, so code never spells a msgid.</summary>
public static class Outcomes
{
    // Vendor codes (api.md §11.2), each only for the situation in which it was observed.
    public static readonly Outcome LogonProcessNotFound = new("AUCORE-1001", "LOGON_PROCESS_NOT_FOUND", "Logon process is not found");
    public static readonly Outcome ProcessStarted = new("AUCORE-1008", "PROCESS_STARTED", "Process has been started");
    public static readonly Outcome UserNotFound = new("AUCORE-1056", "USER_NOT_FOUND", "User is not found");
    public static readonly Outcome EndpointSessionNotFound = new("AUCORE-1063", "ENDPOINT_SESSION_NOT_FOUND", "Endpoint session is not found");
    public static readonly Outcome LoginSessionNotFound = new("AUCORE-1066", "LOGIN_SESSION_NOT_FOUND", "Login session is not found");
    public static readonly Outcome LoginSessionExpired = new("AUCORE-1067", "LOGIN_SESSION_EXPIRED", "Login session expired");
    public static readonly Outcome Next = new("AUCORE-1091", "", "Welcome. Continue with the next login method");
    public static readonly Outcome Welcome = new("AUCORE-2001", "", "Welcome");
    public static readonly Outcome PasswordWrong = new("AUCORE-2007", "PASSWORD_WRONG", "Incorrect password", CountsForLockout: true);
    public static readonly Outcome U2fWaitingAuthResponse = new("AUCORE-2059", "U2F_WAITING_AUTH_RESPONSE", "Waiting for an authentication response");

    // Requests, sessions, processes (api.md §11.3).
    public static readonly Outcome ValidationError = new("OAAF-1101", "VALIDATION_ERROR", "Validation error");
    public static readonly Outcome MalformedJson = new("OAAF-1102", "MALFORMED_JSON", "Request body is not valid JSON");
    public static readonly Outcome EndpointAuthFailed = new("OAAF-1103", "ENDPOINT_AUTH_FAILED", "Endpoint authentication failed");
    public static readonly Outcome AdminAuthFailed = new("OAAF-1104", "ADMIN_AUTH_FAILED", "Administrator authentication failed");
    public static readonly Outcome AccessDenied = new("OAAF-1105", "ACCESS_DENIED", "Access denied");
    public static readonly Outcome NotFound = new("OAAF-1106", "NOT_FOUND", "Resource is not found");
    public static readonly Outcome EventNotFound = new("OAAF-1107", "EVENT_NOT_FOUND", "Event is not found");
    public static readonly Outcome EventNotAllowed = new("OAAF-1108", "EVENT_NOT_ALLOWED", "Event is disabled or not allowed for this endpoint");
    public static readonly Outcome MethodNotSupported = new("OAAF-1109", "METHOD_NOT_SUPPORTED", "Method is not supported");
    public static readonly Outcome CategoryNotFound = new("OAAF-1110", "CATEGORY_NOT_FOUND", "Category is not found");
    public static readonly Outcome NoChains = new("OAAF-1111", "NO_CHAINS", "No authentication chains are available for the user");
    public static readonly Outcome MethodNotInChains = new("OAAF-1112", "METHOD_NOT_IN_CHAINS", "Method is not allowed by the available chains");
    public static readonly Outcome MethodAlreadyCompleted = new("OAAF-1113", "METHOD_ALREADY_COMPLETED", "Method has already been completed");
    public static readonly Outcome ProcessBusy = new("OAAF-1114", "PROCESS_BUSY", "Another request for this process is in progress");
    public static readonly Outcome RepositoryUnavailable = new("OAAF-1115", "REPOSITORY_UNAVAILABLE", "User repository is unavailable");
    public static readonly Outcome SenderUnavailable = new("OAAF-1116", "SENDER_UNAVAILABLE", "Message could not be sent");
    public static readonly Outcome InternalError = new("OAAF-1117", "INTERNAL_ERROR", "Internal server error");
    public static readonly Outcome RequestTooLarge = new("OAAF-1118", "REQUEST_TOO_LARGE", "Request is too large");
    public static readonly Outcome TooManyRequests = new("OAAF-1119", "TOO_MANY_REQUESTS", "Too many requests");
    public static readonly Outcome MethodNotAllowed = new("OAAF-1120", "METHOD_NOT_ALLOWED", "HTTP method is not allowed");
    public static readonly Outcome ServiceUnavailable = new("OAAF-1121", "SERVICE_UNAVAILABLE", "Service is unavailable");
    public static readonly Outcome UserAmbiguous = new("OAAF-1122", "USER_AMBIGUOUS", "More than one user matches the name");

    /// <summary>Recorded in the audit trail when a client aborts a logon; never sent (the reply to DELETE is null).</summary>
    public static readonly Outcome ProcessAborted = new("OAAF-1123", "PROCESS_ABORTED", "Logon process has been aborted");

    // Logon outcomes (api.md §11.4) used by the logon engine and the password methods.
    public static readonly Outcome UserLocked = new("OAAF-2101", "USER_LOCKED", "User is locked");
    public static readonly Outcome MethodNotEnrolled = new("OAAF-2102", "METHOD_NOT_ENROLLED", "No authenticator is enrolled for this method");
    public static readonly Outcome AnswerRequired = new("OAAF-2103", "ANSWER_REQUIRED", "Enter the password");
    public static readonly Outcome PasswordExpired = new("OAAF-2111", "PASSWORD_EXPIRED", "Password has expired");
    public static readonly Outcome LdapAccountDisabled = new("OAAF-2112", "LDAP_ACCOUNT_DISABLED", "Account is disabled");
    public static readonly Outcome LdapAccountLocked = new("OAAF-2113", "LDAP_ACCOUNT_LOCKED", "Account is locked in the directory");
    public static readonly Outcome LdapAccountExpired = new("OAAF-2114", "LDAP_ACCOUNT_EXPIRED", "Account has expired");
    public static readonly Outcome LdapPasswordExpired = new("OAAF-2115", "LDAP_PASSWORD_EXPIRED", "Directory password has expired");
    public static readonly Outcome LdapPasswordMustChange = new("OAAF-2116", "LDAP_PASSWORD_MUST_CHANGE", "Directory password must be changed");
    public static readonly Outcome LdapLogonNotPermitted = new("OAAF-2117", "LDAP_LOGON_NOT_PERMITTED", "Logon is not permitted at this time or from this workstation");
    // FIDO2:1 (api.md §11.4 logon outcomes, §11.5 enrollment outcomes; methods.md §10); 3124, 3126 and 3129 are with U2F below.
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

    // Enrollment (api.md §11.2, §11.5).
    public static readonly Outcome EnrollProcessNotFound = new("AUCORE-1015", "PROCESS_NOT_FOUND_OR_EXPIRED", "Enrollment process is not found");
    public static readonly Outcome EnrollmentAlreadyDone = new("AUCORE-1016", "", "Enrollment is already done");
    public static readonly Outcome MethodExistsInCategory = new("AUCORE-3047", "METHOD_EXISTS_IN_CATEGORY", "Method exists in the category");
    public static readonly Outcome Enrolled = new("OAAF-3101", "", "Authenticator has been enrolled");
    public static readonly Outcome DataRequired = new("OAAF-3106", "DATA_REQUIRED", "Enrollment data is required");
    public static readonly Outcome EnrollNotAllowed = new("OAAF-3125", "ENROLL_NOT_ALLOWED", "This method cannot be enrolled here");

    // Logon outcomes of the OTP methods (api.md §11.4).
    public static readonly Outcome OtpWrong = new("OAAF-2121", "OTP_WRONG", "Incorrect one-time password", CountsForLockout: true);
    public static readonly Outcome OtpAlreadyUsed = new("OAAF-2122", "OTP_ALREADY_USED", "One-time password has already been used", CountsForLockout: true);
    public static readonly Outcome OtpRequired = new("OAAF-2127", "OTP_REQUIRED", "Enter the one-time password");

    // Enrollment outcomes (api.md §11.5).
    public static readonly Outcome OtpSecretInvalid = new("OAAF-3114", "OTP_SECRET_INVALID", "Secret is not valid");
    public static readonly Outcome OtpVerificationFailed = new("OAAF-3115", "OTP_VERIFICATION_FAILED", "One-time password does not match the token");
    public static readonly Outcome TokenNotFound = new("OAAF-3116", "TOKEN_NOT_FOUND", "Token is not found");
    public static readonly Outcome HotpSyncFailed = new("OAAF-3118", "HOTP_SYNC_FAILED", "Token could not be synchronised");
    public static readonly Outcome ManualEnrollmentDisabled = new("OAAF-3143", "MANUAL_ENROLLMENT_DISABLED", "Manual secret entry is not allowed");

    // U2F logon outcomes (api.md §11.4).
    public static readonly Outcome U2fUnknownKey = new("OAAF-2141", "U2F_UNKNOWN_KEY", "Security key is not registered", CountsForLockout: true);
    public static readonly Outcome U2fChallengeMismatch = new("OAAF-2142", "U2F_CHALLENGE_MISMATCH", "Challenge is invalid or has expired");
    public static readonly Outcome U2fOriginMismatch = new("OAAF-2143", "U2F_ORIGIN_MISMATCH", "Origin is not allowed");
    public static readonly Outcome U2fSignatureInvalid = new("OAAF-2144", "U2F_SIGNATURE_INVALID", "Signature is not valid", CountsForLockout: true);
    public static readonly Outcome U2fUserNotPresent = new("OAAF-2145", "U2F_USER_NOT_PRESENT", "User presence was not confirmed");
    public static readonly Outcome U2fCounterRegression = new("OAAF-2146", "U2F_COUNTER_REGRESSION", "Security key may be cloned", CountsForLockout: true);
    public static readonly Outcome U2fBadResponse = new("OAAF-2147", "U2F_BAD_RESPONSE", "Response is malformed");
    public static readonly Outcome U2fClientError = new("OAAF-2148", "U2F_CLIENT_ERROR", "Security key reported an error");

    // U2F enrollment outcomes (api.md §11.5); 3124 and 3129 are shared with FIDO2.
    public static readonly Outcome U2fWaitingRegResponse = new("OAAF-3102", "U2F_WAITING_REG_RESPONSE", "Waiting for a registration response");
    public static readonly Outcome U2fRegistrationInvalid = new("OAAF-3122", "U2F_REGISTRATION_INVALID", "Registration response is not valid");
    public static readonly Outcome U2fAppIdNotAllowed = new("OAAF-3123", "U2F_APPID_NOT_ALLOWED", "Application id or origin is not allowed");
    public static readonly Outcome AttestationNotTrusted = new("OAAF-3124", "ATTESTATION_NOT_TRUSTED", "Authenticator attestation is not trusted");
    public static readonly Outcome KeyAlreadyRegistered = new("OAAF-3126", "KEY_ALREADY_REGISTERED", "Security key is already registered");
    public static readonly Outcome ChallengeMismatch = new("OAAF-3129", "CHALLENGE_MISMATCH", "Challenge is invalid or has expired");

    // FINGER logon outcomes (api.md §11.4).
    public static readonly Outcome FingerWaitingCapture = new("OAAF-2171", "FINGER_WAITING_CAPTURE", "Place your finger on the reader");
    public static readonly Outcome FingerCaptureFailed = new("OAAF-2172", "FINGER_CAPTURE_FAILED", "Fingerprint capture failed");
    public static readonly Outcome FingerBadTemplate = new("OAAF-2173", "FINGER_BAD_TEMPLATE", "Fingerprint data cannot be read");
    public static readonly Outcome FingerNoMatch = new("OAAF-2174", "FINGER_NO_MATCH", "Fingerprint does not match", CountsForLockout: true);
    public static readonly Outcome FingerFake = new("OAAF-2175", "FINGER_FAKE", "Fake finger detected", CountsForLockout: true);

    // FINGER enrollment outcomes (api.md §11.5); {detail} and {n} are filled in by the method.
    public static readonly Outcome FingerWaitingCaptures = new("OAAF-3104", "FINGER_WAITING_CAPTURES", "Continue with the next finger or finish");
    public static readonly Outcome FingerIsoRequired = new("OAAF-3131", "FINGER_ISO_REQUIRED", "A minutiae template (ISO) is required");
    public static readonly Outcome FingerEnrollBadTemplate = new("OAAF-3132", "FINGER_BAD_TEMPLATE", "Fingerprint data cannot be read: {detail}");
    public static readonly Outcome FingerNotAllowed = new("OAAF-3133", "FINGER_NOT_ALLOWED", "This finger cannot be enrolled");
    public static readonly Outcome FingerNotEnoughCaptures = new("OAAF-3134", "FINGER_NOT_ENOUGH_CAPTURES", "{n} captures per finger are required");
    public static readonly Outcome FingerCapturesInconsistent = new("OAAF-3135", "FINGER_CAPTURES_INCONSISTENT", "Captures of one finger do not match each other");
    public static readonly Outcome FingerDuplicate = new("OAAF-3136", "FINGER_DUPLICATE", "This finger matches another enrolled finger");
    public static readonly Outcome FingerNotEnoughFingers = new("OAAF-3137", "FINGER_NOT_ENOUGH_FINGERS", "At least {n} fingers are required");
    public static readonly Outcome FingerBadOperation = new("OAAF-3138", "FINGER_BAD_OPERATION", "Unknown operation");
    public static readonly Outcome FingerEnrollCaptureFailed = new("OAAF-3139", "FINGER_CAPTURE_FAILED", "Fingerprint capture failed");

    // Templates, users, admin (api.md §11.6).
    public static readonly Outcome TemplateNotFound = new("OAAF-4102", "TEMPLATE_NOT_FOUND", "Template is not found");
    public static readonly Outcome EnrollProcessMismatch = new("OAAF-4103", "ENROLL_PROCESS_MISMATCH", "Enrollment process belongs to another user or method");
    public static readonly Outcome EndpointNotFound = new("OAAF-4104", "ENDPOINT_NOT_FOUND", "Endpoint is not found");
    public static readonly Outcome DeleteMeDisabled = new("OAAF-4106", "DELETE_ME_DISABLED", "Deleting your account data is not allowed");
    public static readonly Outcome EndpointExists = new("OAAF-4107", "ENDPOINT_EXISTS", "Endpoint with this name exists");
    public static readonly Outcome EnrollNotComplete = new("OAAF-4108", "ENROLL_NOT_COMPLETE", "Enrollment is not complete");
    public static readonly Outcome ReenrollmentDisabled = new("OAAF-4109", "REENROLLMENT_DISABLED", "Re-enrollment is not allowed");
}
