using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Finger;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Tests.Methods.Finger;

/// <summary>
/// Drives <see cref="FingerMethod"/> directly, as the engines would: the enroll state carried between steps and
/// cleared after a failure or OK, finished enrollments saved as sealed templates, logon over all of them.
/// </summary>
internal sealed class FingerTestBed
{
    public const string UserId = "a8e32d86c69871a507f45b2e64976138";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    public TemplateSecrets Secrets { get; } = new(new SecretProtector(new byte[32]));
    public FingerMethodOptions Options { get; set; } = new();
    public List<Template> Templates { get; } = [];
    public FingerMethod Method { get; } = new();
    /// <summary>The template an enrollment modifies (<c>auth_t_id</c>).</summary>
    public Template? Existing { get; set; }
    public string? State { get; private set; }

    public static readonly AuthenticatedUser User = new()
    {
        UserId = UserId, RepositoryId = "00000000000000000000000000000002",
        Account = new DirectoryUser { RepositoryName = "JAGUAR", LoginName = "denis", ObjectId = "71a63dbbd81e724cb26048bd8bb4c3e2" },
    };

    private PolicySet Policies => PolicySet.Defaults with { FingerMethod = Options };

    public static MethodInput Input(object? payload) =>
        payload switch
        {
            null => MethodInput.None,
            JsonElement element => new MethodInput(element),
            _ => new MethodInput(JsonSerializer.SerializeToElement(payload)),
        };

    public async Task<MethodStep> LogonAsync(object? response) =>
        await Method.AnswerAsync(new MethodContext
        {
            User = User, Templates = Templates.ToList(), Time = Time, Secrets = Secrets,
            Configuration = OpenAaf.Core.Configuration.ConfigurationSnapshot.Empty.With(policies: Policies),
        }, Input(response), default);

    /// <summary>One do_enroll; the state follows EnrollEngine (kept on MORE_DATA, cleared on FAILED and OK).</summary>
    public async Task<EnrollStep> EnrollAsync(object? response)
    {
        var step = await Method.EnrollAsync(new EnrollContext
        {
            User = User, Existing = Existing, OtherTemplates = Templates.Where(t => t.Id != Existing?.Id).ToList(),
            Policies = Policies, State = State, Time = Time, Random = CryptographicRandomSource.Instance, Secrets = Secrets,
            PublicUrl = "https://auth.example.test",
        }, Input(response), default);
        State = step is EnrollStep.MoreData more ? more.NewState : null;
        return step;
    }

    /// <summary>Saves a finished enrollment as a new template (category <paramref name="categoryId"/>), as TemplateService does.</summary>
    public Template Save(EnrollStep step, string categoryId = "")
    {
        var done = Assert.IsType<EnrollStep.Done>(step).Authenticator;
        var template = new Template
        {
            Id = RandomIds.NewHexId(), UserId = UserId, MethodId = MethodIds.Finger, CategoryId = categoryId, Data = done.Data,
            Secret = Secrets.Seal(UserId, MethodIds.Finger, done.Secret), Created = Time.GetUtcNow(),
        };
        Templates.Add(template);
        return template;
    }

    /// <summary>Enrolls synthetic fingers (finger id → seed) with one add and an end, and saves the template.</summary>
    public async Task<Template> EnrollFingersAsync(params (string Finger, int Seed)[] fingers)
    {
        State = null;
        Assert.IsType<EnrollStep.MoreData>(await EnrollAsync(FingerCaptures.Add([.. fingers.Select(f => FingerCaptures.Impressions(f.Finger, f.Seed))])));
        return Save(await EnrollAsync(new { operation = "end" }));
    }

    public FingerSet Opened(Template template) => FingerSet.Open(Secrets, template);

    public static int Score(MethodStep step) => (int)step.Extras["score"]!;
}
