using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Core.Methods;
using OpenAaf.Server.Configuration;
using OpenAaf.Server.Tests.Configuration;
using OpenAaf.Server.Tests.Methods.Echo;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Methods;

/// <summary>
/// Adding a method is its folder plus one registration (docs/architecture.md, "Adding a method"): ECHO:1 lives
/// only in <c>Methods/Echo/</c> of the tests and is registered by adding its descriptor to the catalogue the
/// host is built with. Nothing else in the server knows it, yet configuration, logon and the portal helpers do.
/// </summary>
public sealed class AddingAMethodTests : IDisposable
{
    private static readonly MethodCatalog WithEcho = BuiltInMethods.Catalog.With(EchoDescriptor.Instance);

    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string EchoConfiguration = """
        {
          "bootstrap": {
            "chains": [ { "name": "Echo", "methods": ["ECHO:1"] } ],
            "events": [ { "name": "Default", "chains": ["Echo"] } ],
            "endpoints": [ { "id": "41414141414141414141414141414141", "name": "test", "secret": "876543210" } ],
            "policies": { "EchoMethod": { "word": "hello" } }
          }
        }
        """;

    [Fact]
    public void Configuration_KnowsTheMethod_OnlyWhenItIsRegistered()
    {
        var without = ConfigFileLoader.LoadText(EchoConfiguration, _dir.ConfigFile, ConfigTestDirectory.Env());
        var with = ConfigFileLoader.LoadText(EchoConfiguration, _dir.ConfigFile, ConfigTestDirectory.Env(), WithEcho);

        Assert.Equal(
            ["bootstrap.chains[0].methods[0]: unknown method id \"ECHO:1\"", "bootstrap.policies.EchoMethod: unknown policy component \"EchoMethod\""],
            without.Errors.Select(e => e.ToString()));
        Assert.True(with.IsValid, ConfigAssert.Describe(with));
        Assert.Equal("hello", with.Document.Policies.Method<EchoMethodOptions>().Word);
        Assert.Equal(["ECHO:1"], with.Document.Chains[0].Methods);
    }

    [Fact]
    public void Configuration_AppliesTheRulesOfTheMethodsDescriptor()
    {
        var result = ConfigFileLoader.LoadText(
            EchoConfiguration.Replace("""{ "word": "hello" }""", """{ "word": "hello", "max_length": 3 }"""), _dir.ConfigFile, ConfigTestDirectory.Env(), WithEcho);

        ConfigAssert.SingleError(result, "bootstrap.policies.EchoMethod.word", "must not exceed max_length (3)");
    }

    [Fact]
    public async Task ARegisteredMethod_LogsOn_AndAppearsInTheMethodLists_AndTheEffectivePolicy()
    {
        var bootstrap = OpenAafFactory.Bootstrap(
            new JsonArray(
                new JsonObject { ["name"] = "Password only", ["methods"] = new JsonArray("PASSWORD:1") },
                new JsonObject { ["name"] = "Echo", ["methods"] = new JsonArray("ECHO:1") }),
            new JsonArray(new JsonObject { ["name"] = "Authenticators Management", ["chains"] = new JsonArray("Password only", "Echo") }));
        bootstrap["policies"] = new JsonObject { ["EchoMethod"] = new JsonObject { ["word"] = "hello" } };
        await using var server = await MethodCatalogServer.StartAsync(bootstrap, WithEcho);
        var api = server.Client;
        var session = await api.NewEndpointSessionAsync();

        var (startStatus, started) = await api.StartLogonAsync(session, "alice", "ECHO:1");
        var wrong = await api.AnswerAsync(session, started.GetProperty("logon_process_id").GetString()!, "goodbye");
        var ok = await api.LogonAsync(session, "alice", "hello", "ECHO:1");
        var login = ok.GetProperty("login_session_id").GetString()!;
        var userId = ok.GetProperty("user_id").GetString()!;
        var (_, methods) = await api.SendAsync(HttpMethod.Post, $"/api/v1/methods/get?login_session_id={login}", "null");
        var (_, policy) = await api.SendAsync(HttpMethod.Get, $"/api/v1/users/{userId}/effective_policy?login_session_id={login}");
        var (_, recipient) = await api.SendAsync(HttpMethod.Post, $"/api/v1/users/{userId}/method/ECHO:1/get_recipient?login_session_id={login}", "null");
        var (_, templates) = await api.SendAsync(HttpMethod.Get, $"/api/v1/users/{userId}/templates?login_session_id={login}");

        Assert.Equal(HttpStatusCode.OK, startStatus);
        Assert.Equal(("MORE_DATA", "ECHO:1", 5), (started.GetProperty("status").GetString(), started.GetProperty("current_method").GetString(),
            started.GetProperty("logon_hints").GetProperty("word_length").GetInt32()));
        Assert.Equal(("FAILED", "TEST-2002", "ECHO_WRONG"), (wrong.Body.GetProperty("status").GetString(),
            wrong.Body.GetProperty("msgid").GetString(), wrong.Body.GetProperty("reason").GetString()));
        Assert.Equal("OK", ok.GetProperty("status").GetString());
        Assert.Equal("ECHO:1 Echo", methods.GetProperty("methods").EnumerateArray().Select(m => $"{m.GetProperty("id").GetString()} {m.GetProperty("title").GetString()}").Last());
        var echo = policy.GetProperty("policy").EnumerateObject().Last();
        Assert.Equal(("EchoMethod", "EchoMethod", "hello", 32), (echo.Name, echo.Value.GetProperty("component_id").GetString(),
            echo.Value.GetProperty("data").GetProperty("word").GetString(), echo.Value.GetProperty("data").GetProperty("max_length").GetInt32()));
        Assert.Equal("alice@example.test", recipient.GetProperty("default_recipient").GetString());
        var template = Assert.Single(templates.GetProperty("templates").EnumerateArray(), t => t.GetProperty("method_id").GetString() == "ECHO:1");
        Assert.Equal(("Echo", "Auto-created"), (template.GetProperty("method_title").GetString(), template.GetProperty("comment").GetString()));
    }

    [Fact]
    public async Task TheBuiltInServer_DoesNotKnowTheTestMethod()
    {
        await using var server = await MethodCatalogServer.StartAsync(OpenAafFactory.Bootstrap(
            new JsonArray(new JsonObject { ["name"] = "Password only", ["methods"] = new JsonArray("PASSWORD:1") }),
            new JsonArray(new JsonObject { ["name"] = "Authenticators Management", ["chains"] = new JsonArray("Password only") })),
            BuiltInMethods.Catalog);
        var session = await server.Client.NewEndpointSessionAsync();

        var (status, body) = await server.Client.StartLogonAsync(session, "alice", "ECHO:1");

        Assert.Equal(((HttpStatusCode)400, "OAAF-1109"), (status, body.GetProperty("errors")[0].GetProperty("msgid").GetString()));
    }
}
