using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>
/// What the wire says about the methods as a whole (api.md §9.2, §9.5–9.7): the method titles, the policy
/// components of effective_policy in their order, the default recipients, and the contract methods that are
/// known but not implemented yet (accepted in chains, refused at logon and enrollment).
/// </summary>
public sealed class MethodListsTests : IDisposable
{
    private static readonly string[] NotImplemented = ["EMERG_PASSWORD:1", "SMS_OTP:1", "EMAIL_OTP:1", "SECQUEST:1", "CARD:1"];

    private readonly OpenAafFactory _factory;
    private readonly ApiClient _api;

    public MethodListsTests()
    {
        var chains = new JsonArray(new JsonObject { ["name"] = "Password only", ["methods"] = new JsonArray("PASSWORD:1") });
        foreach (var id in NotImplemented)
            chains.Add(new JsonObject { ["name"] = "Later " + id, ["methods"] = new JsonArray("PASSWORD:1", id) });
        _factory = new OpenAafFactory(OpenAafFactory.Bootstrap(chains, new JsonArray(
            new JsonObject { ["name"] = "Authenticators Management", ["chains"] = new JsonArray("Password only") },
            new JsonObject { ["name"] = "Default", ["chains"] = new JsonArray(NotImplemented.Select(id => (JsonNode)("Later " + id)).ToArray()) })));
        _api = new ApiClient(_factory.CreateClient());
    }

    public void Dispose() => _factory.Dispose();

    private async Task<(string Login, string UserId)> LoginAsync()
    {
        var session = await _api.NewEndpointSessionAsync();
        var ok = await _api.LogonAsync(session, "alice", "Al1ce!pass");
        return (ok.GetProperty("login_session_id").GetString()!, ok.GetProperty("user_id").GetString()!);
    }

    [Fact]
    public async Task MethodsGet_ListsTheImplementedMethods_WithTheirTitles_InContractOrder()
    {
        var (login, _) = await LoginAsync();

        var (status, body) = await _api.SendAsync(HttpMethod.Post, $"/api/v1/methods/get?login_session_id={login}", "null");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            ["LDAP_PASSWORD:1 LDAP Password", "PASSWORD:1 Password", "TOTP:1 TOTP", "HOTP:1 HOTP", "U2F:1 U2F", "FIDO2:1 FIDO 2.0", "FINGER:1 Fingerprint"],
            body.GetProperty("methods").EnumerateArray().Select(m => $"{m.GetProperty("id").GetString()} {m.GetProperty("title").GetString()}"));
    }

    [Fact]
    public async Task EffectivePolicy_HasEveryComponent_InItsOrder_AndThePublicUrlWhereItIsUsed()
    {
        var (login, userId) = await LoginAsync();

        var (status, body) = await _api.SendAsync(HttpMethod.Get, $"/api/v1/users/{userId}/effective_policy?login_session_id={login}");

        Assert.Equal(HttpStatusCode.OK, status);
        var components = body.GetProperty("policy").EnumerateObject().ToList();
        Assert.Equal(
            ["LockoutOptions", "LoginOptions", "SessionOptions", "LinkedChainsOptions", "TemplateOptions", "HelpdeskOptions",
             "DeleteMeOptions", "EndpointManOptions", "CacheOptions", "MultitenancyOptions", "PublicUrlOptions", "SMSSender",
             "MailSender", "LdapMethod", "PasswordMethod", "EMERG_PASSWORD", "TOTPMethod", "HOTPMethod", "SMSOTPMethod",
             "EmailOTPMethod", "SecQuestMethod", "U2fMethod", "Fido2Method", "FingerMethod", "SmartcardMethod"],
            components.Select(c => c.Name));
        Assert.Equal(["PublicUrlOptions", "U2fMethod", "Fido2Method"], components.Where(c => c.Value.TryGetProperty("public_url", out _)).Select(c => c.Name));
        Assert.All(components, c => Assert.Equal(c.Name, c.Value.GetProperty("component_id").GetString()));
        Assert.Equal(120, components.Single(c => c.Name == "SMSOTPMethod").Value.GetProperty("data").GetProperty("otp_period").GetInt32());
        Assert.Equal(5, components.Single(c => c.Name == "SecQuestMethod").Value.GetProperty("data").GetProperty("TotalQuestionsForLogon").GetInt32());
        Assert.False(components.Single(c => c.Name == "SmartcardMethod").Value.GetProperty("data").GetProperty("tap_and_go_enabled").GetBoolean());
    }

    [Fact]
    public async Task GetRecipient_IsTheDirectoryAddressOfTheOtpMethods_AndEmptyForOthers()
    {
        var (login, userId) = await LoginAsync();

        async Task<string?> RecipientAsync(string method) =>
            (await _api.SendAsync(HttpMethod.Post, $"/api/v1/users/{userId}/method/{method}/get_recipient?login_session_id={login}", "null"))
            .Body.GetProperty("default_recipient").GetString();

        Assert.Equal("alice@example.test", await RecipientAsync("EMAIL_OTP:1"));
        Assert.Equal("", await RecipientAsync("SMS_OTP:1"));
        Assert.Equal("", await RecipientAsync("TOTP:1"));
        Assert.Equal("", await RecipientAsync("NOPE:1"));
    }

    [Fact]
    public async Task ContractMethodsNotImplementedYet_AreAcceptedInChains_ButRefusedAtLogonAndEnrollment()
    {
        var (login, _) = await LoginAsync();
        var session = await _api.NewEndpointSessionAsync();

        foreach (var id in NotImplemented)
        {
            var logon = await _api.StartLogonAsync(session, "alice", id, "Default");
            var enroll = await _api.PostAsync("/api/v1/enroll", new { login_session_id = login, method_id = id });

            Assert.Equal(((HttpStatusCode)400, "OAAF-1109"), (logon.Status, logon.Body.GetProperty("errors")[0].GetProperty("msgid").GetString()));
            Assert.Equal(((HttpStatusCode)400, "OAAF-1109"), (enroll.Status, enroll.Body.GetProperty("errors")[0].GetProperty("msgid").GetString()));
        }
    }
}
