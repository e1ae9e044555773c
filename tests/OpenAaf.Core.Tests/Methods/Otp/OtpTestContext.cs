using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Tests.Methods.Otp;

/// <summary>
/// One user's OTP templates without the logon engine: contexts for single method steps, and the template
/// updates of <see cref="MethodStep.Passed"/> applied the way the engine saves them.
/// </summary>
public sealed class OtpTestContext(string methodId, PolicySet? policies = null)
{
    public const string UserId = "a8e32d86c69871a507f45b2e64976138";

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UnixEpoch);
    public TemplateSecrets Secrets { get; } = new(new SecretProtector(new byte[32]));
    public PolicySet Policies { get; set; } = policies ?? PolicySet.Defaults;
    public List<Template> Templates { get; } = [];

    public static readonly AuthenticatedUser User = new()
    {
        UserId = UserId, RepositoryId = "00000000000000000000000000000001",
        Account = new DirectoryUser { RepositoryName = "LOCAL", LoginName = "alice", ObjectId = "o1" },
    };

    public void At(long unixSeconds) => Time.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    public Template Add(byte[] plaintext, string data = "{}")
    {
        var template = new Template
        {
            Id = Guid.NewGuid().ToString("N"), UserId = UserId, MethodId = methodId, Data = data,
            Secret = Secrets.Seal(UserId, methodId, plaintext),
        };
        Templates.Add(template);
        return template;
    }

    public MethodContext Logon() => new()
    {
        User = User, Templates = Templates.ToList(), Time = Time, Secrets = Secrets,
        Configuration = OpenAaf.Core.Configuration.ConfigurationSnapshot.Empty.With(policies: Policies),
    };

    public EnrollContext Enroll(Template? existing = null) => new()
    {
        User = User, Existing = existing, Policies = Policies, Time = Time, Random = CryptographicRandomSource.Instance,
        Secrets = Secrets, PublicUrl = "https://auth.example.test",
    };

    /// <summary>Saves the template update of a passed step as the engine does (version + 1).</summary>
    public void Apply(MethodStep step)
    {
        if (step is not MethodStep.Passed { UpdatedTemplate: { } updated } passed) return;
        var index = Templates.FindIndex(t => t.Id == passed.Template.Id);
        Templates[index] = updated with { Version = passed.Template.Version + 1 };
    }

    /// <summary>An enrolled authenticator as the enrollment engine would save it.</summary>
    public Template Save(EnrolledAuthenticator enrolled) => Add(enrolled.Secret, enrolled.Data);

    public static MethodInput Input(object payload) => new(JsonSerializer.SerializeToElement(payload));

    public static MethodInput Answer(string answer) => Input(new { answer });
}
