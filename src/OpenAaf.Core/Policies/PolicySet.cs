using System.Collections.Immutable;

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

    // Method components (methods.md §13), one per method, declared by the method's descriptor and kept here
    // by record type. A component the configuration does not set has its record's defaults.
    private ImmutableDictionary<Type, object> _methods = ImmutableDictionary<Type, object>.Empty;

    /// <summary>The policy component of a method, by its record type; its defaults unless the configuration sets it.</summary>
    public T Method<T>() where T : class, new() => _methods.TryGetValue(typeof(T), out var value) ? (T)value : DefaultOf<T>.Value;

    /// <summary>This set with a method's component replaced.</summary>
    public PolicySet WithMethod<T>(T value) where T : class, new() => this with { _methods = _methods.SetItem(typeof(T), value) };

    // Shorthands for the components of the built-in methods, which their code reads as properties.
    public LdapMethodOptions LdapMethod { get => Method<LdapMethodOptions>(); init => _methods = _methods.SetItem(typeof(LdapMethodOptions), value); }
    public PasswordMethodOptions PasswordMethod { get => Method<PasswordMethodOptions>(); init => _methods = _methods.SetItem(typeof(PasswordMethodOptions), value); }
    public EmergPasswordOptions EmergPassword { get => Method<EmergPasswordOptions>(); init => _methods = _methods.SetItem(typeof(EmergPasswordOptions), value); }
    public TotpMethodOptions TotpMethod { get => Method<TotpMethodOptions>(); init => _methods = _methods.SetItem(typeof(TotpMethodOptions), value); }
    public HotpMethodOptions HotpMethod { get => Method<HotpMethodOptions>(); init => _methods = _methods.SetItem(typeof(HotpMethodOptions), value); }
    public SmsOtpMethodOptions SmsOtpMethod { get => Method<SmsOtpMethodOptions>(); init => _methods = _methods.SetItem(typeof(SmsOtpMethodOptions), value); }
    public EmailOtpMethodOptions EmailOtpMethod { get => Method<EmailOtpMethodOptions>(); init => _methods = _methods.SetItem(typeof(EmailOtpMethodOptions), value); }
    public SecQuestMethodOptions SecQuestMethod { get => Method<SecQuestMethodOptions>(); init => _methods = _methods.SetItem(typeof(SecQuestMethodOptions), value); }
    public U2fMethodOptions U2fMethod { get => Method<U2fMethodOptions>(); init => _methods = _methods.SetItem(typeof(U2fMethodOptions), value); }
    public Fido2MethodOptions Fido2Method { get => Method<Fido2MethodOptions>(); init => _methods = _methods.SetItem(typeof(Fido2MethodOptions), value); }
    public FingerMethodOptions FingerMethod { get => Method<FingerMethodOptions>(); init => _methods = _methods.SetItem(typeof(FingerMethodOptions), value); }
    public SmartcardMethodOptions SmartcardMethod { get => Method<SmartcardMethodOptions>(); init => _methods = _methods.SetItem(typeof(SmartcardMethodOptions), value); }

    public static readonly PolicySet Defaults = new();

    /// <summary>
    /// Wire ids (effective_policy, configuration file) of the platform components and how to reach each one.
    /// The method components follow them in <see cref="Methods.MethodCatalog.PolicyComponents"/>.
    /// </summary>
    public static readonly IReadOnlyList<PolicyComponent> PlatformComponents =
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
        PolicyComponent.Of("PublicUrlOptions", p => p.PublicUrl, (p, v) => p with { PublicUrl = v }, showsPublicUrl: true),
        PolicyComponent.Of("SMSSender", p => p.SmsSender, (p, v) => p with { SmsSender = v }),
        PolicyComponent.Of("MailSender", p => p.MailSender, (p, v) => p with { MailSender = v }),
    ];

    private static class DefaultOf<T> where T : class, new()
    {
        public static readonly T Value = new();
    }
}
