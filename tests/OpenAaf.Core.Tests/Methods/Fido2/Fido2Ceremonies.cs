using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>Whole ceremonies between a <see cref="Fido2Fixture"/> and a <see cref="SoftwareAuthenticator"/>.</summary>
public static class Fido2Ceremonies
{
    /// <summary>Step 1 of enrollment, then the authenticator's registration; returns the second step.</summary>
    public static async Task<EnrollStep> RegisterAsync(
        this Fido2Fixture f, SoftwareAuthenticator authenticator, Func<Ceremony, Ceremony>? tweak = null, IReadOnlyList<Template>? others = null)
    {
        var options = Assert.IsType<EnrollStep.MoreData>(await f.EnrollAsync(null, null, others));
        var ceremony = new Ceremony { Challenge = ChallengeOf(options.Extras[CreationOptionsJson.Key]!["challenge"]!.GetValue<string>()) };
        return await f.EnrollAsync(options.NewState, authenticator.Register(tweak?.Invoke(ceremony) ?? ceremony), others);
    }

    /// <summary>A registered template of <paramref name="authenticator"/>.</summary>
    public static async Task<Template> EnrolledAsync(this Fido2Fixture f, SoftwareAuthenticator authenticator, string format = "none")
    {
        var done = Assert.IsType<EnrollStep.Done>(await f.RegisterAsync(authenticator, c => c with { Format = format }));
        return f.Seal(Fido2Credential.Deserialize(done.Authenticator.Secret));
    }

    /// <summary>Step 1 of logon, then the authenticator's assertion; returns the second step.</summary>
    public static async Task<MethodStep> AuthenticateAsync(
        this Fido2Fixture f, SoftwareAuthenticator authenticator, IReadOnlyList<Template> templates, Func<Ceremony, Ceremony>? tweak = null)
    {
        var options = Assert.IsType<MethodStep.MoreData>(await f.LogonAsync(templates, null, null));
        var ceremony = new Ceremony { Challenge = ChallengeOf(options.Extras[RequestOptionsJson.Key]!["challenge"]!.GetValue<string>()) };
        return await f.LogonAsync(templates, options.NewState, authenticator.Assert(tweak?.Invoke(ceremony) ?? ceremony));
    }

    public static byte[] ChallengeOf(string text) =>
        Base64UrlText.TryDecode(text, 64, out var bytes) ? bytes : throw new InvalidOperationException("bad challenge");
}
