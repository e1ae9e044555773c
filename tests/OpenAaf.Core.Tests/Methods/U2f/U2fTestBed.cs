using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.U2f;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>
/// Drives <see cref="U2fMethod"/> directly, as the engines would: method state carried between steps,
/// sealed templates, a successful counter update saved with compare-and-set, a fake clock and fixed
/// challenge bytes.
/// </summary>
internal sealed class U2fTestBed
{
    public const string PublicUrl = "https://auth.example.test";

    /// <summary>The configuration of test-vectors.md §3 "Test setup".</summary>
    public static readonly U2fMethodOptions VectorOptions = new() { AllowHttp = true, FacetsPrefixes = ["http://example.com"] };

    public static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    /// <param name="start">the fake clock's start; tests with certificates made just now pass the real time</param>
    public U2fTestBed(DateTimeOffset? start = null) => Time = new FakeTimeProvider(start ?? Start);

    public FakeTimeProvider Time { get; }
    public QueuedRandomSource Random { get; } = new();
    public TemplateSecrets Secrets { get; } = new(new SecretProtector(new byte[32]));
    public U2fMethodOptions Options { get; set; } = VectorOptions;
    public List<Template> Templates { get; } = [];
    public AuthenticatedUser User { get; } = new()
    {
        UserId = "u2f-user", RepositoryId = "00000000000000000000000000000001",
        Account = new DirectoryUser { RepositoryName = "LOCAL", LoginName = "denis", ObjectId = "0123456789abcdef0123456789abcdef" },
    };
    public string? State { get; set; }
    public U2fMethod Method { get; } = new();

    public Template AddKey(U2fKey key)
    {
        var template = new Template
        {
            Id = RandomIds.NewHexId(), UserId = User.UserId, MethodId = MethodIds.U2f, Data = $$"""{"app_id": "{{key.AppId}}"}""",
            Secret = Secrets.Seal(User.UserId, MethodIds.U2f, key.ToPayload()), Created = Time.GetUtcNow(),
        };
        Templates.Add(template);
        return template;
    }

    /// <summary>The §3.1 key with the given stored counter.</summary>
    public Template AddVectorKey(uint counter = 0, string appId = U2fVectors.AuthAppId) => AddKey(new U2fKey
    {
        AppId = appId, KeyHandle = Convert.FromHexString(U2fVectors.KeyHandleHex),
        PublicKey = Convert.FromBase64String(U2fVectors.AuthUserPublicKey.Replace('-', '+').Replace('_', '/') + "="),
        Counter = counter,
    });

    /// <summary>The key as a logon sees it: the sealed payload with the template's logon state applied.</summary>
    public U2fKey KeyOf(Template template) => U2fTemplateKey.Open(Secrets, template);

    public U2fKey StoredKey(int index = 0) => KeyOf(Templates[index]);

    public async Task<MethodStep> LogonAsync(string? response)
    {
        var context = new MethodContext
        {
            User = User, Templates = Templates.ToList(), State = State, Time = Time,
            Random = Random, Secrets = Secrets, PublicUrl = PublicUrl,
            Configuration = OpenAaf.Core.Configuration.ConfigurationSnapshot.Empty.With(policies: new PolicySet { U2fMethod = Options }),
        };
        var step = await Method.AnswerAsync(context, Input(response), default);
        // The logon engine keeps MORE_DATA state and clears it on success (or ends the process on failure).
        State = step is MethodStep.MoreData more ? more.NewState : null;
        if (step is MethodStep.Passed { UpdatedTemplate: { } updated } passed) Save(updated, passed.Template.Version);
        return step;
    }

    /// <summary>Step 1 with the given challenge bytes.</summary>
    public Task<MethodStep> ChallengeAsync(string challengeHex = U2fVectors.AuthChallengeHex)
    {
        Random.Enqueue(challengeHex);
        return LogonAsync(null);
    }

    public async Task<EnrollStep> EnrollAsync(string? response)
    {
        var context = new EnrollContext
        {
            User = User, OtherTemplates = Templates.ToList(), Policies = new PolicySet { U2fMethod = Options }, State = State,
            Time = Time, Random = Random, Secrets = Secrets, PublicUrl = PublicUrl,
        };
        var step = await Method.EnrollAsync(context, Input(response), default);
        // The enrollment engine keeps MORE_DATA state and discards it after a failure or success.
        State = step is EnrollStep.MoreData more ? more.NewState : null;
        return step;
    }

    /// <summary>Saves an enrollment result as the template API would, sealing its secret.</summary>
    public Template Save(EnrollStep.Done done)
    {
        var template = new Template
        {
            Id = RandomIds.NewHexId(), UserId = User.UserId, MethodId = MethodIds.U2f, Data = done.Authenticator.Data,
            Secret = Secrets.Seal(User.UserId, MethodIds.U2f, done.Authenticator.Secret), Created = Time.GetUtcNow(),
        };
        Templates.Add(template);
        return template;
    }

    private void Save(Template updated, long expectedVersion)
    {
        var index = Templates.FindIndex(t => t.Id == updated.Id);
        Assert.Equal(expectedVersion, Templates[index].Version);
        Templates[index] = updated with { Version = expectedVersion + 1 };
    }

    public static MethodInput Input(string? json) =>
        json is null ? MethodInput.None : new MethodInput(JsonDocument.Parse(json).RootElement.Clone());

    public static void AssertFailed(Outcome expected, MethodStep step) =>
        Assert.Equal(expected, Assert.IsType<MethodStep.Failed>(step).Outcome);

    public static void AssertFailed(Outcome expected, EnrollStep step) =>
        Assert.Equal(expected, Assert.IsType<EnrollStep.Failed>(step).Outcome);
}
