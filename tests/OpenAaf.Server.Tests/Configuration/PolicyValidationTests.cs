using Xunit;

namespace OpenAaf.Server.Tests.Configuration;

public sealed class PolicyValidationTests : IDisposable
{
    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private Server.Configuration.ConfigLoadResult LoadPolicies(string policies) =>
        _dir.Load($$"""{ "bootstrap": { "policies": {{{policies}}} } }""");

    [Fact]
    public void Policies_AllComponentsWithWireNames_AreAccepted()
    {
        var result = LoadPolicies("""
            "LockoutOptions": { "is_enabled": true, "failed_attempts": 5, "lockout_period": 0, "lock_on_test_failure": true },
            "LoginOptions": { "default_repos": ["LOCAL"], "default_event": "Portal" },
            "SessionOptions": { "login_session_idle_timeout": 60 },
            "SecQuestMethod": { "TotalQuestionsForLogon": 3, "CorrectQuestionsForLogon": 2 },
            "SMSSender": { "url": "https://sms.example/send", "password": "env:SMS_PW", "headers": { "X-Key": "k" } },
            "MailSender": { "host": "smtp.example", "port": 587, "security": "starttls" },
            "Fido2Method": { "rp_ids": ["example.com"], "origins": ["https://example.com"], "user_verification": "required" },
            "FingerMethod": { "threshold": 100, "is_fingers_specified": true, "fingers": ["1", "6"] },
            "PublicUrlOptions": { "site_urls": { "": "https://auth.example.com" } },
            "EMERG_PASSWORD": { "password_age": 1 }
            """);
        var withVariable = _dir.Load("""{ "bootstrap": { "policies": { "SMSSender": { "password": "env:SMS_PW" } } } }""", ("SMS_PW", "pw"));

        Assert.Single(result.Errors);
        ConfigAssert.HasError(result, "bootstrap.policies.SMSSender.password", "SMS_PW is not set");
        Assert.True(withVariable.IsValid, ConfigAssert.Describe(withVariable));
        Assert.Equal("pw", withVariable.Document.Policies.SmsSender.Password);
    }

    [Theory]
    [InlineData("\"lockoutoptions\": {}", "bootstrap.policies.lockoutoptions", "did you mean \"LockoutOptions\"")]
    [InlineData("\"LockoutOptions\": { \"failedAttempts\": 3 }", "bootstrap.policies.LockoutOptions.failedAttempts", "unknown field of LockoutOptions")]
    [InlineData("\"LockoutOptions\": { \"failed_attempts\": \"many\" }", "bootstrap.policies.LockoutOptions.failed_attempts", "wrong type")]
    [InlineData("\"LockoutOptions\": { \"failed_attempts\": 0 }", "bootstrap.policies.LockoutOptions.failed_attempts", "at least 1")]
    [InlineData("\"LockoutOptions\": { \"lock_in_repo\": true }", "bootstrap.policies.LockoutOptions.lock_in_repo", "not supported")]
    [InlineData("\"LockoutOptions\": []", "bootstrap.policies.LockoutOptions", "expected an object")]
    [InlineData("\"TemplateOptions\": { \"sharing_enabled\": true }", "bootstrap.policies.TemplateOptions.sharing_enabled", "not supported")]
    [InlineData("\"LoginOptions\": { \"hide_unknown_users\": true }", "bootstrap.policies.LoginOptions.hide_unknown_users", "not supported")]
    [InlineData("\"LinkedChainsOptions\": { \"linked_chains_enabled\": true }", "bootstrap.policies.LinkedChainsOptions.linked_chains_enabled", "not supported")]
    [InlineData("\"MultitenancyOptions\": { \"multitenancy_enabled\": true }", "bootstrap.policies.MultitenancyOptions.multitenancy_enabled", "not supported")]
    [InlineData("\"LoginOptions\": { \"default_repos\": [\"JAGUAR\"] }", "bootstrap.policies.LoginOptions.default_repos", "unknown repository \"JAGUAR\"")]
    [InlineData("\"SessionOptions\": { \"logon_process_idle_timeout\": 0 }", "bootstrap.policies.SessionOptions.logon_process_idle_timeout", "at least 1")]
    [InlineData("\"SessionOptions\": { \"login_session_idle_timeout\": 99999 }", "bootstrap.policies.SessionOptions.login_session_idle_timeout", "must not exceed login_session_max_lifetime")]
    [InlineData("\"SessionOptions\": { \"max_endpoint_sessions\": 0 }", "bootstrap.policies.SessionOptions.max_endpoint_sessions", "at least 1")]
    [InlineData("\"SessionOptions\": { \"max_logon_processes\": -5 }", "bootstrap.policies.SessionOptions.max_logon_processes", "at least 1")]
    [InlineData("\"FingerMethod\": { \"threshold\": 101 }", "bootstrap.policies.FingerMethod.threshold", "between 0 and 100")]
    [InlineData("\"FingerMethod\": { \"fingers\": [\"11\"] }", "bootstrap.policies.FingerMethod.fingers", "not a finger position")]
    [InlineData("\"FingerMethod\": { \"is_fingers_specified\": true, \"fingers\": [\"1\"] }", "bootstrap.policies.FingerMethod.fingers", "fewer fingers")]
    [InlineData("\"TOTPMethod\": { \"otp_format\": \"dec7\" }", "bootstrap.policies.TOTPMethod.otp_format", "not one of")]
    [InlineData("\"TOTPMethod\": { \"otp_period\": 0 }", "bootstrap.policies.TOTPMethod.otp_period", "between 1 and 3600")]
    [InlineData("\"TOTPMethod\": { \"otp_format\": null }", "bootstrap.policies.TOTPMethod.otp_format", "must not be null")]
    [InlineData("\"HOTPMethod\": { \"resync_window\": 0 }", "bootstrap.policies.HOTPMethod.resync_window", "at least 1")]
    [InlineData("\"EmailOTPMethod\": { \"email_format\": \"rtf\" }", "bootstrap.policies.EmailOTPMethod.email_format", "not one of")]
    [InlineData("\"SMSOTPMethod\": { \"max_sent_otp_count\": 0 }", "bootstrap.policies.SMSOTPMethod.max_sent_otp_count", "at least 1")]
    [InlineData("\"SecQuestMethod\": { \"CorrectQuestionsForLogon\": 6 }", "bootstrap.policies.SecQuestMethod.CorrectQuestionsForLogon", "between 1 and 5")]
    [InlineData("\"U2fMethod\": { \"facets_prefixes\": [\"auth.example.com\"] }", "bootstrap.policies.U2fMethod.facets_prefixes", "not an http")]
    [InlineData("\"Fido2Method\": { \"attestation\": \"full\" }", "bootstrap.policies.Fido2Method.attestation", "not one of")]
    [InlineData("\"MailSender\": { \"port\": 0 }", "bootstrap.policies.MailSender.port", "between 1 and 65535")]
    [InlineData("\"MailSender\": { \"security\": \"tls\" }", "bootstrap.policies.MailSender.security", "not one of")]
    [InlineData("\"SMSSender\": { \"url\": \"gateway\" }", "bootstrap.policies.SMSSender.url", "not an http")]
    [InlineData("\"PasswordMethod\": { \"password_min_length\": 0 }", "bootstrap.policies.PasswordMethod.password_min_length", "at least 1")]
    [InlineData("\"EMERG_PASSWORD\": { \"max_logon_count\": 0 }", "bootstrap.policies.EMERG_PASSWORD.max_logon_count", "at least 1")]
    public void Policies_OneMistake_IsReportedAtItsPath(string policies, string path, string message) =>
        ConfigAssert.SingleError(LoadPolicies(policies), path, message);

    [Fact]
    public void Policies_NotAnObject_IsAnError() =>
        ConfigAssert.SingleError(_dir.Load("""{ "bootstrap": { "policies": [] } }"""), "bootstrap.policies", "expected an object");
}
