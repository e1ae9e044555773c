using OpenAaf.Core.Configuration;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Tests.Fakes;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>The logon engine with FIDO2:1 for JAGUAR\denis: chain "FIDO2" alone, or "FIDO2" and "Password" side by side.</summary>
public sealed class Fido2EngineHarness
{
    public static readonly ChainDefinition Fido2Only = LogonHarness.Chain("c1", "FIDO2", MethodIds.Fido2);
    public static readonly ChainDefinition PasswordOnly = LogonHarness.Chain("c2", "Password", MethodIds.Password);

    public Fido2EngineHarness(IRandomSource? random = null, bool withPasswordChain = false)
    {
        var policies = PolicySet.Defaults with
        {
            Fido2Method = new Fido2MethodOptions { RpIds = [Fido2Vectors.RpId], Origins = [Fido2Vectors.Origin] },
        };
        H = new LogonHarness(withPasswordChain ? [Fido2Only, PasswordOnly] : [Fido2Only], policies, methods: [new Fido2Method()],
            random: random ?? CryptographicRandomSource.Instance);
        H.Directory.Add("denis", "novell");
    }

    public LogonHarness H { get; }

    public async Task<(LogonResult Started, Template Template)> StartWithAsync(Fido2Credential credential)
    {
        var started = await H.StartAsync("denis", MethodIds.Fido2);
        var template = await H.AddSealedTemplateAsync(started.Process.User.UserId, MethodIds.Fido2, credential.Serialize(), credential.DisplayData());
        return (started, template);
    }

    public async Task<(LogonResult Started, Template Template)> StartWithAsync(SoftwareAuthenticator authenticator, uint signCount = 0)
    {
        var credential = new Fido2Credential
        {
            RpId = Fido2Vectors.RpId, CredentialId = authenticator.CredentialId, PublicKey = authenticator.Key.CoseKey(),
            Algorithm = authenticator.Key.Algorithm, SignCount = signCount,
        };
        return await StartWithAsync(credential);
    }

    public Task<LogonReply> DoLogonAsync(LogonResult started, string? response) =>
        H.Engine.AnswerAsync(started.Process.Id, H.Session.Id, Fido2Fixture.Input(response), default);

    public Task<LogonReply> SubProtocolAsync(LogonResult started, string? response, string methodId = MethodIds.Fido2) =>
        H.Engine.AnswerSubProtocolAsync(started.Process.Id, methodId, Fido2Fixture.Input(response), default);

    /// <summary>The challenge of a MORE_DATA reply's request options.</summary>
    public static byte[] ChallengeOf(LogonReply reply) =>
        Fido2Ceremonies.ChallengeOf(reply.Result!.Extras[RequestOptionsJson.Key]!["challenge"]!.GetValue<string>());

    public async Task<uint> StoredCountAsync(Template template) =>
        Fido2Credential.Open(H.Services.Secrets, (await H.Templates.GetAsync(template.Id, default))!).SignCount;

    public async Task<int> FailuresAsync(LogonResult started) =>
        (await H.Lockouts.GetAsync(started.Process.User.UserId, H.Time.GetUtcNow(), default)).Failures;
}
