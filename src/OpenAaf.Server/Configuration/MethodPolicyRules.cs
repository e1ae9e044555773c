using OpenAaf.Core.Policies;
using static OpenAaf.Server.Configuration.PolicyChecks;

namespace OpenAaf.Server.Configuration;

/// <summary>Sanity rules of the method components (methods.md §13).</summary>
internal static class MethodPolicyRules
{
    private static readonly string[] OtpFormats = ["dec6", "dec8"];
    private static readonly string[] FingerNames = [.. Enumerable.Range(1, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public static readonly IReadOnlyList<(string Component, Func<PolicySet, IReadOnlySet<string>, IEnumerable<PolicyViolation>> Check)> All =
    [
        ("PasswordMethod", (p, _) => [
            .. AtLeast("password_min_length", p.PasswordMethod.PasswordMinLength, 1),
            .. AtLeast("password_max_age", p.PasswordMethod.PasswordMaxAge, 0)]),
        ("EMERG_PASSWORD", (p, _) => [
            .. AtLeast("password_min_length", p.EmergPassword.PasswordMinLength, 1),
            .. AtLeast("password_age", p.EmergPassword.PasswordAge, 1),
            .. AtLeast("max_logon_count", p.EmergPassword.MaxLogonCount, 1)]),
        ("TOTPMethod", (p, _) => [
            .. Between("otp_period", p.TotpMethod.OtpPeriod, 1, 3600),
            .. Between("otp_window", p.TotpMethod.OtpWindow, 0, 10),
            .. OneOf("otp_format", p.TotpMethod.OtpFormat, OtpFormats)]),
        ("HOTPMethod", (p, _) => [
            .. Between("otp_window", p.HotpMethod.OtpWindow, 0, 1000),
            .. OneOf("otp_format", p.HotpMethod.OtpFormat, OtpFormats),
            .. AtLeast("resync_window", p.HotpMethod.ResyncWindow, 1)]),
        ("SMSOTPMethod", (p, _) => [
            .. AtLeast("otp_period", p.SmsOtpMethod.OtpPeriod, 1),
            .. OneOf("otp_format", p.SmsOtpMethod.OtpFormat, OtpFormats),
            .. AtLeast("max_sent_otp_count", p.SmsOtpMethod.MaxSentOtpCount, 1)]),
        ("EmailOTPMethod", (p, _) => [
            .. AtLeast("otp_period", p.EmailOtpMethod.OtpPeriod, 1),
            .. OneOf("otp_format", p.EmailOtpMethod.OtpFormat, OtpFormats),
            .. OneOf("email_format", p.EmailOtpMethod.EmailFormat, "text", "html"),
            .. AtLeast("max_sent_otp_count", p.EmailOtpMethod.MaxSentOtpCount, 1)]),
        ("SecQuestMethod", (p, _) => SecQuest(p.SecQuestMethod)),
        ("U2fMethod", (p, _) => [
            .. AtLeast("challenge_timeout", p.U2fMethod.ChallengeTimeout, 1),
            .. HttpUrls("facets_prefixes", p.U2fMethod.FacetsPrefixes)]),
        ("Fido2Method", (p, _) => [
            .. NonEmptyItems("rp_ids", p.Fido2Method.RpIds ?? []),
            .. HttpUrls("origins", p.Fido2Method.Origins ?? []),
            .. OneOf("user_verification", p.Fido2Method.UserVerification, "required", "preferred", "discouraged"),
            .. OneOf("attestation", p.Fido2Method.Attestation, "none", "indirect", "direct", "enterprise"),
            .. OneOf("resident_key", p.Fido2Method.ResidentKey, "discouraged", "preferred", "required"),
            .. AtLeast("timeout", p.Fido2Method.Timeout, 1),
            .. AtLeast("algorithms", p.Fido2Method.Algorithms.Count, 1)]),
        ("FingerMethod", (p, _) => Finger(p.FingerMethod)),
    ];

    private static IEnumerable<PolicyViolation> SecQuest(SecQuestMethodOptions s) =>
    [
        .. AtLeast("AllQuestions", s.AllQuestions.Count, 1),
        .. Between("TotalQuestionsForLogon", s.TotalQuestionsForLogon, 1, Math.Max(1, s.AllQuestions.Count)),
        .. Between("CorrectQuestionsForLogon", s.CorrectQuestionsForLogon, 1, Math.Max(1, s.TotalQuestionsForLogon)),
        .. AtLeast("MinAnswerLength", s.MinAnswerLength, 1),
    ];

    private static IEnumerable<PolicyViolation> Finger(FingerMethodOptions f) =>
    [
        .. Between("threshold", f.Threshold, 0, 100),
        .. Between("fingers_number", f.FingersNumber, 1, 10),
        .. Between("captures_number_per_finger", f.CapturesNumberPerFinger, 1, 10),
        .. AtLeast("min_minutiae", f.MinMinutiae, 0),
        .. f.Fingers.Where(n => !FingerNames.Contains(n)).Select(n => new PolicyViolation("fingers", $"\"{n}\" is not a finger position (\"1\" to \"10\")")),
        .. f.IsFingersSpecified && f.Fingers.Count < f.FingersNumber
            ? [new PolicyViolation("fingers", $"lists fewer fingers than fingers_number ({f.FingersNumber})")]
            : Array.Empty<PolicyViolation>(),
    ];
}
