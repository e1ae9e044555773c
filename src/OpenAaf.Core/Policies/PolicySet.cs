namespace OpenAaf.Core.Policies;

/// <summary>All policy components of one tenant; each component keeps its documented defaults.</summary>
public sealed record PolicySet
{
    public LockoutOptions Lockout { get; init; } = new();
    public LoginOptions Login { get; init; } = new();
    public SessionOptions Sessions { get; init; } = new();
    public LinkedChainsOptions LinkedChains { get; init; } = new();
    public TemplateOptions Templates { get; init; } = new();
    public HelpdeskOptions Helpdesk { get; init; } = new();
    public DeleteMeOptions DeleteMe { get; init; } = new();
    public EndpointManOptions EndpointMan { get; init; } = new();
    public CacheOptions Cache { get; init; } = new();
    public MultitenancyOptions Multitenancy { get; init; } = new();
    public PublicUrlOptions PublicUrl { get; init; } = new();
    public SmsSenderOptions SmsSender { get; init; } = new();
    public MailSenderOptions MailSender { get; init; } = new();
    public LdapMethodOptions LdapMethod { get; init; } = new();
    public PasswordMethodOptions PasswordMethod { get; init; } = new();
    public EmergPasswordOptions EmergPassword { get; init; } = new();
    public TotpMethodOptions TotpMethod { get; init; } = new();
    public HotpMethodOptions HotpMethod { get; init; } = new();
    public SmsOtpMethodOptions SmsOtpMethod { get; init; } = new();
    public EmailOtpMethodOptions EmailOtpMethod { get; init; } = new();
    public SecQuestMethodOptions SecQuestMethod { get; init; } = new();
    public U2fMethodOptions U2fMethod { get; init; } = new();
    public Fido2MethodOptions Fido2Method { get; init; } = new();
    public FingerMethodOptions FingerMethod { get; init; } = new();
    public SmartcardMethodOptions SmartcardMethod { get; init; } = new();

    public static readonly PolicySet Defaults = new();

    /// <summary>Wire component ids (effective_policy, configuration file) and how to reach each one.</summary>
    public static readonly IReadOnlyList<PolicyComponent> Components =
    [
        PolicyComponent.Of("LockoutOptions", p => p.Lockout, (p, v) => p with { Lockout = v }),
        PolicyComponent.Of("LoginOptions", p => p.Login, (p, v) => p with { Login = v }),
        PolicyComponent.Of("SessionOptions", p => p.Sessions, (p, v) => p with { Sessions = v }),
        PolicyComponent.Of("LinkedChainsOptions", p => p.LinkedChains, (p, v) => p with { LinkedChains = v }),
        PolicyComponent.Of("TemplateOptions", p => p.Templates, (p, v) => p with { Templates = v }),
        PolicyComponent.Of("HelpdeskOptions", p => p.Helpdesk, (p, v) => p with { Helpdesk = v }),
        PolicyComponent.Of("DeleteMeOptions", p => p.DeleteMe, (p, v) => p with { DeleteMe = v }),
        PolicyComponent.Of("EndpointManOptions", p => p.EndpointMan, (p, v) => p with { EndpointMan = v }),
        PolicyComponent.Of("CacheOptions", p => p.Cache, (p, v) => p with { Cache = v }),
        PolicyComponent.Of("MultitenancyOptions", p => p.Multitenancy, (p, v) => p with { Multitenancy = v }),
        PolicyComponent.Of("PublicUrlOptions", p => p.PublicUrl, (p, v) => p with { PublicUrl = v }),
        PolicyComponent.Of("SMSSender", p => p.SmsSender, (p, v) => p with { SmsSender = v }),
        PolicyComponent.Of("MailSender", p => p.MailSender, (p, v) => p with { MailSender = v }),
        PolicyComponent.Of("LdapMethod", p => p.LdapMethod, (p, v) => p with { LdapMethod = v }),
        PolicyComponent.Of("PasswordMethod", p => p.PasswordMethod, (p, v) => p with { PasswordMethod = v }),
        PolicyComponent.Of("EMERG_PASSWORD", p => p.EmergPassword, (p, v) => p with { EmergPassword = v }),
        PolicyComponent.Of("TOTPMethod", p => p.TotpMethod, (p, v) => p with { TotpMethod = v }),
        PolicyComponent.Of("HOTPMethod", p => p.HotpMethod, (p, v) => p with { HotpMethod = v }),
        PolicyComponent.Of("SMSOTPMethod", p => p.SmsOtpMethod, (p, v) => p with { SmsOtpMethod = v }),
        PolicyComponent.Of("EmailOTPMethod", p => p.EmailOtpMethod, (p, v) => p with { EmailOtpMethod = v }),
        PolicyComponent.Of("SecQuestMethod", p => p.SecQuestMethod, (p, v) => p with { SecQuestMethod = v }),
        PolicyComponent.Of("U2fMethod", p => p.U2fMethod, (p, v) => p with { U2fMethod = v }),
        PolicyComponent.Of("Fido2Method", p => p.Fido2Method, (p, v) => p with { Fido2Method = v }),
        PolicyComponent.Of("FingerMethod", p => p.FingerMethod, (p, v) => p with { FingerMethod = v }),
        PolicyComponent.Of("SmartcardMethod", p => p.SmartcardMethod, (p, v) => p with { SmartcardMethod = v }),
    ];
}
