using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Chains;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.LdapPassword;
using OpenAaf.Core.Methods.Password;
using OpenAaf.Core.Methods.U2f;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Tests.Fakes;

public sealed class FixedPublicUrl(string url) : IPublicUrlSource
{
    public string Current => url;
}

public sealed class StaticConfiguration(ConfigurationSnapshot snapshot) : IConfigurationSource
{
    public ConfigurationSnapshot Current { get; set; } = snapshot;
}

/// <summary>A logon engine over in-memory stores, a fake clock and a fake LDAP repository "JAGUAR".</summary>
public sealed class LogonHarness
{
    public static readonly RepositoryDefinition Local = new() { Id = "00000000000000000000000000000001", Name = "LOCAL", Kind = RepositoryKind.Local };
    public static readonly RepositoryDefinition Jaguar = new() { Id = "00000000000000000000000000000002", Name = "JAGUAR", Kind = RepositoryKind.Ldap };

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    public FakeDirectory Directory { get; } = new(Jaguar);
    public FakeUserStore Users { get; } = new();
    public FakeTemplateStore Templates { get; } = new();
    public FakeLockoutStore Lockouts { get; } = new();
    public FakeAuditSink Audit { get; } = new();
    public FakeLogonProcessStore Processes { get; } = new();
    public FakeLoginSessionStore LoginSessions { get; } = new();
    public StaticConfiguration Configuration { get; }
    public LogonEngine Engine { get; }
    public ChainQuery Chains { get; }
    public PasswordHasher Hasher { get; } = new(memoryKiB: 64, iterations: 1);
    public MethodServices Services { get; }
    public CapturingLogger<LogonEngine> Logger { get; }

    /// <param name="methods">methods besides PASSWORD:1, LDAP_PASSWORD:1 and U2F:1</param>
    /// <param name="templates">wraps the template store the engine sees (to stage races); tests seed <see cref="Templates"/></param>
    /// <param name="random">challenge bytes; fixed sources replay recorded vectors (test-vectors.md, "Test hooks")</param>
    /// <param name="decorate">wraps each method the engine sees (to count or stall verifications)</param>
    public LogonHarness(IReadOnlyList<ChainDefinition> chains, PolicySet? policies = null, IReadOnlyList<EventDefinition>? events = null,
        IEnumerable<IAuthenticationMethod>? methods = null, Func<ITemplateStore, ITemplateStore>? templates = null, IRandomSource? random = null,
        Func<IAuthenticationMethod, IAuthenticationMethod>? decorate = null)
    {
        Logger = new CapturingLogger<LogonEngine>();
        Services = new(new TemplateSecrets(new SecretProtector(new byte[32])), random ?? CryptographicRandomSource.Instance,
            new FixedPublicUrl("https://auth.example.test"));
        events ??= [new EventDefinition { Id = "e1", Name = "Authenticators Management", ChainIds = chains.Select(c => c.Id).ToList(), Scope = ManagementScope.Self }];
        Configuration = new StaticConfiguration(new ConfigurationSnapshot(
            [Local, Jaguar], chains, events, [new Category("0001", "Home", "")],
            [new EndpointDefinition { Id = "41414141414141414141414141414141", Name = "test", Secret = "876543210" }],
            policies ?? PolicySet.Defaults));
        var registry = new DirectoryRegistry(Directory, Users);
        var resolver = new UserResolver(registry, Users, Configuration);
        IAuthenticationMethod[] all = [new PasswordMethod(Hasher), new LdapPasswordMethod(registry, Configuration), new U2fMethod(), .. methods ?? []];
        var methodRegistry = new MethodRegistry(all.Select(decorate ?? (m => m)));
        var lockout = new LockoutService(Lockouts, Time);
        var store = templates?.Invoke(Templates) ?? Templates;
        Engine = new LogonEngine(Configuration, resolver, methodRegistry, new TemplateSelector(store, Time), Processes,
            new FakeObjectLock(), lockout, new LoginSessionService(LoginSessions, Configuration, Time), store, Audit, Services, Time,
            Logger);
        Chains = new ChainQuery(Configuration, resolver, lockout);
    }

    public static ChainDefinition Chain(string id, string name, params string[] methods) =>
        new() { Id = id, Name = name, Methods = methods };

    public EndpointSession Session { get; } = NewSession("S".PadRight(32, 's'));

    /// <summary>Another endpoint session of the test endpoint (the engine trusts the session it is given).</summary>
    public static EndpointSession NewSession(string? id = null) => new()
    {
        Id = id ?? RandomIds.NewToken(), EndpointId = "41414141414141414141414141414141",
        Created = DateTimeOffset.UnixEpoch, LastUsed = DateTimeOffset.UnixEpoch,
    };

    /// <returns>the user's id</returns>
    public async Task<string> AddLocalUserAsync(string name, string password, params string[] groups)
    {
        var user = await Users.UpsertLocalUserAsync(new LocalUser { ObjectId = RandomIds.NewHexId(), Name = name, Groups = groups }, default);
        var userId = await Users.GetOrCreateUserIdAsync(Local.Id, user.ObjectId, name, default);
        await Templates.TryAddAsync(new Template
        {
            Id = RandomIds.NewHexId(), UserId = userId, MethodId = MethodIds.Password,
            Secret = Encoding.UTF8.GetBytes(Hasher.Hash(password)), Data = PasswordTemplateData.For(Time.GetUtcNow()),
        }, default);
        return userId;
    }

    /// <summary>Stores a template whose secret is sealed as the enrollment engine seals it (U2F keys, OTP seeds).</summary>
    public async Task<Template> AddSealedTemplateAsync(string userId, string methodId, byte[] plaintext, string data = "{}")
    {
        var template = new Template
        {
            Id = RandomIds.NewHexId(), UserId = userId, MethodId = methodId, Data = data,
            Secret = Services.Secrets.Seal(userId, methodId, plaintext), Created = Time.GetUtcNow(),
        };
        Assert.True(await Templates.TryAddAsync(template, default));
        return template;
    }

    public async Task<LogonResult> StartAsync(string user, string? method = null, string? eventName = "Authenticators Management",
        EndpointSession? session = null, string? categoryId = null)
    {
        var reply = await Engine.StartAsync(new StartLogonRequest(session ?? Session, user, method, eventName, categoryId), default);
        return reply.Result ?? throw new InvalidOperationException($"start failed: {reply.Error}");
    }

    public Task<LogonReply> AnswerAsync(LogonResult started, string? answer, CancellationToken cancellationToken = default) =>
        Engine.AnswerAsync(started.Process.Id, started.Process.EndpointSessionId, Input(answer), cancellationToken);

    public static MethodInput Input(string? answer) => answer is null
        ? MethodInput.None
        : new MethodInput(JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["answer"] = answer }));
}
