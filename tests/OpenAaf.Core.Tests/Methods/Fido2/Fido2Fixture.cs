using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Tests.Fakes;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>
/// Calls <see cref="Fido2Method"/> directly, as the engines would: a fixed clock, fixed challenges, the vector
/// user (JAGUAR\denis, user_id of test-vectors.md §7) and a policy for <c>mfa.example.test</c>.
/// </summary>
public sealed class Fido2Fixture
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public Fido2Fixture(Fido2MethodOptions? options = null, IRandomSource? random = null)
    {
        Options = options ?? new Fido2MethodOptions { RpIds = [Fido2Vectors.RpId], Origins = [Fido2Vectors.Origin] };
        Random = random ?? new FixedRandomSource(Fido2Vectors.AssertionChallenge);
    }

    public Fido2Method Method { get; } = new();
    public FakeTimeProvider Time { get; } = new(Start);
    public IRandomSource Random { get; }
    public Fido2MethodOptions Options { get; set; }
    public TemplateSecrets Secrets { get; } = new(new SecretProtector(new byte[32]));
    public string PublicUrl { get; set; } = "https://auth.example.test";

    public AuthenticatedUser User { get; } = new()
    {
        UserId = Fido2Vectors.UserId,
        RepositoryId = "00000000000000000000000000000002",
        Account = new DirectoryUser { RepositoryName = "JAGUAR", LoginName = "denis", ObjectId = new string('0', 32), CommonName = "Denis Test" },
    };

    public PolicySet Policies => PolicySet.Defaults with { Fido2Method = Options };

    public Template Seal(Fido2Credential credential) => new()
    {
        Id = RandomIds.NewHexId(), UserId = User.UserId, MethodId = MethodIds.Fido2, Data = credential.DisplayData(),
        Secret = Secrets.Seal(User.UserId, MethodIds.Fido2, credential.Serialize()), Created = Start,
    };

    /// <summary>The credential as a logon sees it: the sealed payload with the template's logon state applied.</summary>
    public Fido2Credential Open(Template template) => Fido2Credential.Open(Secrets, template);

    /// <summary>A state with <paramref name="challenge"/> outstanding, issued now.</summary>
    public string State(byte[] challenge, string rpId = Fido2Vectors.RpId) =>
        new Fido2State(rpId, challenge, Time.GetUtcNow() + TimeSpan.FromSeconds(Options.Timeout)).Serialize();

    public ValueTask<MethodStep> LogonAsync(IReadOnlyList<Template> templates, string? state, string? response) =>
        Method.AnswerAsync(new MethodContext
        {
            User = User, Templates = templates, State = state, Time = Time, Random = Random,
            Configuration = OpenAaf.Core.Configuration.ConfigurationSnapshot.Empty.With(policies: Policies),
            Secrets = Secrets, PublicUrl = PublicUrl,
        }, Input(response), default);

    /// <param name="bound">false: an unbound process, driven by a session of <paramref name="sessionUser"/></param>
    public ValueTask<EnrollStep> EnrollAsync(
        string? state, string? response, IReadOnlyList<Template>? others = null, bool bound = true, AuthenticatedUser? sessionUser = null) =>
        Method.EnrollAsync(new EnrollContext
        {
            User = bound ? User : null, SessionUser = bound ? null : sessionUser, OtherTemplates = others ?? [], Policies = Policies, State = state, Time = Time,
            Random = Random, Secrets = Secrets, PublicUrl = PublicUrl,
        }, Input(response), default);

    /// <summary>Registers the §7.1 vector and returns its template with <paramref name="signCount"/> stored.</summary>
    public async Task<Template> VectorTemplateAsync(uint signCount = 0)
    {
        var step = await EnrollAsync(State(Fido2Vectors.RegistrationChallenge), Fido2Vectors.RegistrationResponse);
        var done = Assert.IsType<EnrollStep.Done>(step);
        var credential = Fido2Credential.Deserialize(done.Authenticator.Secret) with { SignCount = signCount };
        return Seal(credential);
    }

    public static MethodInput Input(string? json) =>
        json is null ? MethodInput.None : new MethodInput(JsonDocument.Parse(json).RootElement.Clone());

    public static Outcome FailureOf(MethodStep step) => Assert.IsType<MethodStep.Failed>(step).Outcome;

    public static Outcome FailureOf(EnrollStep step) => Assert.IsType<EnrollStep.Failed>(step).Outcome;
}
