namespace OpenAaf.Core.Catalogue;

/// <summary>
/// The shared part of the catalogue of api.md §11 as named values, so code never spells a msgid: the
/// engine's, the API's and those used by several methods. Each method's own entries are in its folder
/// (e.g. <c>Methods/Otp/OtpOutcomes.cs</c>) and listed by its descriptor.
/// </summary>
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

    // Logon outcomes (api.md §11.4) used by the logon engine and the password methods (LDAP_PASSWORD, PASSWORD, EMERG_PASSWORD).
    public static readonly Outcome UserLocked = new("OAAF-2101", "USER_LOCKED", "User is locked");
    public static readonly Outcome MethodNotEnrolled = new("OAAF-2102", "METHOD_NOT_ENROLLED", "No authenticator is enrolled for this method");
    public static readonly Outcome AnswerRequired = new("OAAF-2103", "ANSWER_REQUIRED", "Enter the password");
    /// <summary>
    /// A method step that threw, or a template whose sealed data does not open: the step fails closed. Counted like a
    /// wrong guess, because a fault that depended on the guess must not give free attempts.
    /// </summary>
    public static readonly Outcome MethodError = new("OAAF-2104", "METHOD_ERROR", "Authenticator could not be verified", CountsForLockout: true);

    // Enrollment (api.md §11.2, §11.5).
    public static readonly Outcome EnrollProcessNotFound = new("AUCORE-1015", "PROCESS_NOT_FOUND_OR_EXPIRED", "Enrollment process is not found");
    public static readonly Outcome EnrollmentAlreadyDone = new("AUCORE-1016", "", "Enrollment is already done");
    public static readonly Outcome MethodExistsInCategory = new("AUCORE-3047", "METHOD_EXISTS_IN_CATEGORY", "Method exists in the category");
    public static readonly Outcome Enrolled = new("OAAF-3101", "", "Authenticator has been enrolled");
    public static readonly Outcome DataRequired = new("OAAF-3106", "DATA_REQUIRED", "Enrollment data is required");
    public static readonly Outcome EnrollNotAllowed = new("OAAF-3125", "ENROLL_NOT_ALLOWED", "This method cannot be enrolled here");
    /// <summary>An enrollment step that threw: FAILED, and the method starts over.</summary>
    public static readonly Outcome EnrollMethodError = new("OAAF-3144", "METHOD_ERROR", "Authenticator could not be enrolled");

    // Enrollment outcomes of the security-key methods U2F:1 and FIDO2:1 (api.md §11.5).
    public static readonly Outcome AttestationNotTrusted = new("OAAF-3124", "ATTESTATION_NOT_TRUSTED", "Authenticator attestation is not trusted");
    public static readonly Outcome KeyAlreadyRegistered = new("OAAF-3126", "KEY_ALREADY_REGISTERED", "Security key is already registered");
    public static readonly Outcome ChallengeMismatch = new("OAAF-3129", "CHALLENGE_MISMATCH", "Challenge is invalid or has expired");

    // Templates, users, admin (api.md §11.6).
    public static readonly Outcome TemplateNotFound = new("OAAF-4102", "TEMPLATE_NOT_FOUND", "Template is not found");
    public static readonly Outcome EnrollProcessMismatch = new("OAAF-4103", "ENROLL_PROCESS_MISMATCH", "Enrollment process belongs to another user or method");
    public static readonly Outcome EndpointNotFound = new("OAAF-4104", "ENDPOINT_NOT_FOUND", "Endpoint is not found");
    public static readonly Outcome DeleteMeDisabled = new("OAAF-4106", "DELETE_ME_DISABLED", "Deleting your account data is not allowed");
    public static readonly Outcome EndpointExists = new("OAAF-4107", "ENDPOINT_EXISTS", "Endpoint with this name exists");
    public static readonly Outcome EnrollNotComplete = new("OAAF-4108", "ENROLL_NOT_COMPLETE", "Enrollment is not complete");
    public static readonly Outcome ReenrollmentDisabled = new("OAAF-4109", "REENROLLMENT_DISABLED", "Re-enrollment is not allowed");
}
