using System.Text.Json.Serialization;

namespace OpenAaf.Core.Policies;

// Method policy components (methods.md §13), wire names through the snake_case policy.

public sealed record LdapMethodOptions
{
    public bool SavePassword { get; init; } = true;
    public bool SsprEnabled { get; init; }
    public string SsprUrl { get; init; } = "";
    public string SsprCaption { get; init; } = "";
    public bool CachedLogon { get; init; }
    public int CachedLogonOfflinePeriod { get; init; } = 60;
    public bool DisableLdapChange { get; init; }
}

public sealed record PasswordMethodOptions
{
    public int PasswordMinLength { get; init; } = 5;
    /// <summary>Days; 0 = never expires.</summary>
    public int PasswordMaxAge { get; init; }
    public bool PasswordCheckComplexity { get; init; }
}

public sealed record EmergPasswordOptions
{
    public int PasswordMinLength { get; init; } = 5;
    public int PasswordAge { get; init; } = 3;
    public int MaxLogonCount { get; init; } = 10;
    public bool AllowChange { get; init; } = true;
    public bool PasswordCheckComplexity { get; init; }
}

public sealed record TotpMethodOptions
{
    public int OtpPeriod { get; init; } = 30;
    public int OtpWindow { get; init; } = 1;
    public string OtpFormat { get; init; } = "dec6";
    public bool AllowManualEnrollment { get; init; }
    public bool UseKeyUriFormatQr { get; init; } = true;
    public string Issuer { get; init; } = "OpenAAF";
}

public sealed record HotpMethodOptions
{
    public int OtpWindow { get; init; } = 10;
    public string OtpFormat { get; init; } = "dec6";
    public int ResyncWindow { get; init; } = 1000;
}

public sealed record SmsOtpMethodOptions
{
    public string Body { get; init; } = "User {user} from {endpoint} login to {event}. OTP: {otp}";
    public int OtpPeriod { get; init; } = 120;
    public string OtpFormat { get; init; } = "dec6";
    public int MaxSentOtpCount { get; init; } = 3;
    public bool AllowOverrideRecipient { get; init; } = true;
    public bool EnrollNoRecipient { get; init; }
    public string EnrollNoRecipientMsg { get; init; } =
        "You do not have a phone number. Contact the administrator or Helpdesk and register your phone";
    public string? RecipientAttr { get; init; }
}

public sealed record EmailOtpMethodOptions
{
    public string Body { get; init; } = "User {user} from {endpoint} login to {event}. OTP: {otp}";
    public string Subject { get; init; } = "Login OTP";
    public string Html { get; init; } = "";
    public string EmailFormat { get; init; } = "text";
    public int OtpPeriod { get; init; } = 120;
    public string OtpFormat { get; init; } = "dec6";
    public int MaxSentOtpCount { get; init; } = 3;
    public bool AllowOverrideRecipient { get; init; } = true;
    public bool EnrollNoRecipient { get; init; }
    public string EnrollNoRecipientMsg { get; init; } =
        "You do not have a e-mail. Contact the administrator or Helpdesk and register your e-mail";
    public string? RecipientAttr { get; init; }
}

public sealed record SecQuestMethodOptions
{
    [JsonPropertyName("AllQuestions")]
    public IReadOnlyDictionary<string, string> AllQuestions { get; init; } = new Dictionary<string, string>
    {
        ["1"] = "What was the name of your first pet?",
        ["2"] = "In which city were you born?",
        ["3"] = "What was the name of your first school?",
        ["4"] = "What is your favourite book?",
        ["5"] = "What was the make of your first car?",
    };
    [JsonPropertyName("TotalQuestionsForLogon")] public int TotalQuestionsForLogon { get; init; } = 5;
    [JsonPropertyName("CorrectQuestionsForLogon")] public int CorrectQuestionsForLogon { get; init; } = 4;
    [JsonPropertyName("MinAnswerLength")] public int MinAnswerLength { get; init; } = 5;
}

public sealed record U2fMethodOptions
{
    public bool CheckAttestation { get; init; }
    public IReadOnlyList<string> FacetsPrefixes { get; init; } = [];
    public string FacetsPrimarySuffx { get; init; } = "";
    public bool DisableBuiltinAttestationCert { get; init; }
    public IReadOnlyList<string> AttestationRoots { get; init; } = [];
    public int ChallengeTimeout { get; init; } = 120;
    public bool AllowHttp { get; init; }
    public bool DisableOnClone { get; init; }
}

public sealed record Fido2MethodOptions
{
    /// <summary>Null = the host of the public URL.</summary>
    public IReadOnlyList<string>? RpIds { get; init; }
    public string RpName { get; init; } = "OpenAAF";
    /// <summary>Null = https:// + each RP id, plus the public URL origin.</summary>
    public IReadOnlyList<string>? Origins { get; init; }
    public string UserVerification { get; init; } = "preferred";
    public string Attestation { get; init; } = "none";
    public bool CheckAttestation { get; init; }
    public IReadOnlyList<string> AttestationRoots { get; init; } = [];
    public int Timeout { get; init; } = 120;
    public IReadOnlyList<int> Algorithms { get; init; } = [-7, -257, -8];
    public string ResidentKey { get; init; } = "discouraged";
}

public sealed record FingerMethodOptions
{
    public int Threshold { get; init; } = 40;
    public int FingersNumber { get; init; } = 2;
    public int CapturesNumberPerFinger { get; init; } = 3;
    public bool IsFingersSpecified { get; init; }
    public IReadOnlyList<string> Fingers { get; init; } = [];
    public bool EnableDuressFinger { get; init; }
    public bool IsMultiFingerScanEnabled { get; init; }
    public bool ForceMultiFingerScan { get; init; }
    public int MinMinutiae { get; init; } = 6;
}

public sealed record SmartcardMethodOptions
{
    public bool TapAndGoEnabled { get; init; }
}
