using System.Reflection;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Methods.Finger;
using OpenAaf.Core.Methods.Hotp;
using OpenAaf.Core.Methods.LdapPassword;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Methods.Password;
using OpenAaf.Core.Methods.Totp;
using OpenAaf.Core.Methods.U2f;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Security;
using OpenAaf.Core.Tests.Fakes;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Tests.Methods;

/// <summary>The catalogue of methods: what the built-in descriptors declare, and the mistakes it refuses at start.</summary>
public sealed class MethodCatalogTests
{
    private static readonly MethodCatalog BuiltIn = BuiltInMethods.Catalog;

    [Fact]
    public void BuiltIn_HasTheContractMethods_InTheOrderOfApiSection9_6()
    {
        Assert.Equal(
            ["LDAP_PASSWORD:1 LDAP Password", "PASSWORD:1 Password", "EMERG_PASSWORD:1 Emergency Password", "TOTP:1 TOTP", "HOTP:1 HOTP",
             "SMS_OTP:1 SMS OTP", "EMAIL_OTP:1 Email OTP", "SECQUEST:1 Security Questions", "U2F:1 U2F", "FIDO2:1 FIDO 2.0",
             "FINGER:1 Fingerprint", "CARD:1 Card"],
            BuiltIn.All.Select(m => $"{m.Id} {m.Title}"));
        Assert.Equal(["EMERG_PASSWORD:1", "SMS_OTP:1", "EMAIL_OTP:1", "SECQUEST:1", "CARD:1"], BuiltIn.All.Where(m => !m.IsImplemented).Select(m => m.Id));
        Assert.Equal(["TOTP:1", "HOTP:1", "U2F:1", "FIDO2:1", "FINGER:1"], BuiltIn.All.Where(m => m.IsEnrollable).Select(m => m.Id));
        Assert.Equal(["LDAP_PASSWORD:1", "SMS_OTP:1", "EMAIL_OTP:1"], BuiltIn.All.Where(m => m.IsAutoCreated).Select(m => m.Id));
    }

    [Fact]
    public void PolicyComponents_AreThePlatformsThenOnePerMethod()
    {
        Assert.Equal(
            [.. PolicySet.PlatformComponents.Select(c => c.Id), "LdapMethod", "PasswordMethod", "EMERG_PASSWORD", "TOTPMethod", "HOTPMethod",
             "SMSOTPMethod", "EmailOTPMethod", "SecQuestMethod", "U2fMethod", "Fido2Method", "FingerMethod", "SmartcardMethod"],
            BuiltIn.PolicyComponents.Select(c => c.Id));
        Assert.Same(BuiltIn.Find(MethodIds.Totp)!.Policy, BuiltIn.FindPolicyComponent("TOTPMethod"));
    }

    [Fact]
    public void AMethodsComponent_HasItsRecordsDefaults_UntilSet_AndItsRules()
    {
        var component = BuiltIn.FindPolicyComponent("TOTPMethod")!;
        var set = PolicySet.Defaults with { TotpMethod = new TotpMethodOptions { OtpWindow = 11, OtpFormat = "hex" } };

        Assert.Equal(new TotpMethodOptions(), component.Get(PolicySet.Defaults));
        Assert.Same(set.TotpMethod, set.Method<TotpMethodOptions>());
        Assert.Equal(
            [new PolicyViolation("otp_window", "must be between 0 and 10"), new PolicyViolation("otp_format", "\"hex\" is not one of \"dec6\", \"dec8\"")],
            component.Check(set));
        Assert.Empty(component.Check(PolicySet.Defaults));
    }

    [Fact]
    public void EveryCatalogueEntryOfCore_IsSharedOrListedByItsMethodsDescriptor()
    {
        var declared = typeof(Outcome).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(Outcome))
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name} {((Outcome)f.GetValue(null)!).MsgId}");
        var listed = BuiltIn.Outcomes.Select(o => o.MsgId).ToHashSet();

        Assert.All(declared, entry => Assert.Contains(entry.Split(' ')[1], listed));
        Assert.Contains(OtpOutcomesOf(MethodIds.Totp), o => o == OtpOutcomes.OtpWrong);
        Assert.Contains(OtpOutcomesOf(MethodIds.Hotp), o => o == HotpOutcomes.HotpSyncFailed);
    }

    private static IReadOnlyList<Outcome> OtpOutcomesOf(string id) => BuiltIn.Find(id)!.Outcomes;

    [Fact]
    public void AMethodThatIsNotAutoCreated_IsNotAutoCreatedForAnyUser_AndLdapPasswordIsForDirectoryUsers()
    {
        var h = new LogonHarness([]);
        var implementations = new IAuthenticationMethod[]
        {
            new LdapPasswordMethod(new DirectoryRegistry(h.Directory, h.Users), h.Configuration), new PasswordMethod(h.Hasher),
            new TotpMethod(), new HotpMethod(), new U2fMethod(), new Fido2Method(), new FingerMethod(),
        };
        AuthenticatedUser[] users = [User(LogonHarness.Jaguar), User(LogonHarness.Local)];

        Assert.Equal(BuiltIn.All.Where(m => m.IsImplemented).Select(m => m.Implementation!), implementations.Select(m => m.GetType()));
        foreach (var method in implementations)
        {
            var descriptor = BuiltIn.Find(method.Id)!;
            Assert.Equal(descriptor.Implementation, method.GetType());
            if (!descriptor.IsAutoCreated) Assert.All(users, u => Assert.False(method.IsAutoCreatedFor(u)));
        }
        Assert.Equal([true, false], users.Select(implementations[0].IsAutoCreatedFor));
    }

    private static AuthenticatedUser User(RepositoryDefinition repository) => new()
    {
        UserId = RandomIds.NewHexId(), RepositoryId = repository.Id,
        Account = new DirectoryUser { RepositoryName = repository.Name, LoginName = "u", ObjectId = RandomIds.NewHexId() },
    };

    [Fact]
    public void Recipients_AreTheDirectoryAddressesOfTheOtpSenders()
    {
        var user = new DirectoryUser { RepositoryName = "R", LoginName = "u", ObjectId = "o", Email = "u@example.test", MobilePhone = "+100" };

        Assert.Equal(
            ["SMS_OTP:1 +100", "EMAIL_OTP:1 u@example.test"],
            BuiltIn.All.Where(m => m.Recipient is not null).Select(m => $"{m.Id} {m.Recipient!(user)}"));
    }

    public static TheoryData<string, Func<MethodCatalog>> Mistakes => new()
    {
        { "Duplicate method id \"TOTP:1\"", () => BuiltIn.With(TotpDescriptor.Instance with { Policy = null, Outcomes = [] }) },
        { "Duplicate policy component id \"LockoutOptions\"", () => BuiltIn.With(Sample with { Policy = PolicyComponent.ForMethod<SampleOptions>("LockoutOptions") }) },
        { "Duplicate policy component type", () => BuiltIn.With(Sample with { Policy = PolicyComponent.ForMethod<TotpMethodOptions>("Other") }) },
        { "Duplicate msgid \"OAAF-2121\"", () => BuiltIn.With(Sample with { Outcomes = [new Outcome("OAAF-2121", "MINE", "Mine")] }) },
        { "is not an IAuthenticationMethod", () => BuiltIn.With(Sample with { Implementation = typeof(TotpEnrollment) }) },
        { "is not an IEnrollableMethod", () => BuiltIn.With(Sample with { Implementation = typeof(TotpMethod), Enrollment = typeof(TotpMethod) }) },
        { "needs a logon implementation", () => BuiltIn.With(Sample with { Enrollment = typeof(TotpEnrollment) }) },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void AMistakeInADescriptor_StopsTheCatalogue(string message, Func<MethodCatalog> build)
    {
        var error = Assert.Throws<ArgumentException>(build);

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void TheSameSharedEntryInTwoDescriptors_IsOneEntry()
    {
        var catalog = BuiltIn.With(Sample with { Outcomes = [OtpOutcomes.OtpWrong] });

        Assert.Single(catalog.Outcomes.Distinct(), o => o.MsgId == "OAAF-2121");
    }

    [Fact]
    public void TheRegistry_RefusesAnImplementationItsCatalogueDoesNotDescribe()
    {
        var catalog = new MethodCatalog([TotpDescriptor.Instance]);

        Assert.NotNull(new MethodRegistry(catalog, [new TotpMethod()]).Find(MethodIds.Totp));
        Assert.Throws<InvalidOperationException>(() => new MethodRegistry(catalog, [new TotpMethod(), new HotpMethod()]));
    }

    private static readonly MethodDescriptor Sample = new() { Id = "SAMPLE:1", Title = "Sample" };

    private sealed record SampleOptions;
}
