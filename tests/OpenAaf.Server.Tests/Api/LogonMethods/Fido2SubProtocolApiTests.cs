using System.Net;
using System.Text.Json;

namespace OpenAaf.Server.Tests.Api.LogonMethods;

/// <summary><c>POST /logon_method/FIDO2:1/login/{id}</c> over HTTP (methods.md §10.3) and the native path beside it.</summary>
public sealed class Fido2SubProtocolApiTests(Fido2Server server) : IClassFixture<Fido2Server>
{
    private const string Path = "/api/v1/logon_method/FIDO2:1/login/";

    private async Task<(string Session, string Process)> StartAsync(uint signCount = 0)
    {
        await server.SeedAliceAsync(signCount);
        var session = await server.Client.NewEndpointSessionAsync();
        var (status, started) = await server.Client.StartLogonAsync(session, "alice", "FIDO2:1");
        Assert.Equal(HttpStatusCode.OK, status);
        return (session, started.GetProperty("logon_process_id").GetString()!);
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> PollAsync(string session, string process) =>
        server.Client.PostAsync($"/api/v1/logon/{process}/do_logon", new { endpoint_session_id = session });

    [Fact]
    public async Task OptionsThenResult_AreOk_AndTheNextDoLogonIsOk()
    {
        var (session, process) = await StartAsync();

        var early = await server.Client.PostAsync(Path + process, new { username = "LOCAL\\alice", displayName = "LOCAL\\alice" });
        var (_, step1) = await PollAsync(session, process);
        var options = await server.Client.PostAsync(Path + process, new { username = "LOCAL\\alice", displayName = "LOCAL\\alice" });
        var result = await server.Client.PostAsync(Path + process, Fido2Server.A1Result);
        var (_, ok) = await PollAsync(session, process);

        Assert.Equal(HttpStatusCode.BadRequest, early.Status);
        Assert.Equal("""{"status":"failed","errorMessage":"Method is not allowed by the available chains","msgid":"OAAF-1112"}""", early.Body.GetRawText());
        Assert.Equal("MORE_DATA", step1.GetProperty("status").GetString());
        Assert.Equal("OAAF-2151", step1.GetProperty("msgid").GetString());
        Assert.Equal("FIDO2_WAITING_ASSERTION", step1.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, options.Status);
        Assert.Equal("""{"status":"ok","errorMessage":"","challenge":"wv-pAI9DFgdrYhQmivEFWmsTixGn7eIiPay_Hhn8Nlk","timeout":120000,"rpId":"mfa.example.test","allowCredentials":[{"type":"public-key","id":"Znc85jW-mlnjuuO1obxwaw","transports":[]}],"userVerification":"preferred","extensions":{}}""",
            options.Body.GetRawText());
        Assert.Equal(step1.GetProperty("webauthn_request_options").GetRawText(),
            JsonSerializer.Serialize(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(options.Body.GetRawText())!
                .Where(kv => kv.Key is not ("status" or "errorMessage")).ToDictionary()));
        Assert.Equal("""{"status":"ok","errorMessage":""}""", result.Body.GetRawText());
        Assert.Equal("OK", ok.GetProperty("status").GetString());
        Assert.Matches("^[A-Za-z0-9]{32}$", ok.GetProperty("login_session_id").GetString());
        Assert.Equal("LOCAL\\alice", ok.GetProperty("user_name").GetString());
    }

    [Fact]
    public async Task AFailingResult_IsFailedWithTheCatalogueText_AndTheNextDoLogonIsFailed()
    {
        var (session, process) = await StartAsync(signCount: 2);
        await PollAsync(session, process);

        var result = await server.Client.PostAsync(Path + process, Fido2Server.A1Result);
        var (_, failed) = await PollAsync(session, process);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("""{"status":"failed","errorMessage":"Security key may be cloned"}""", result.Body.GetRawText());
        Assert.Equal("FAILED", failed.GetProperty("status").GetString());
        Assert.Equal("OAAF-2159", failed.GetProperty("msgid").GetString());
        Assert.Equal("FIDO2_COUNTER_REGRESSION", failed.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task UnknownProcess_Is444_AndMalformedJsonIs400_InTheLibrarysShape()
    {
        var unknown = await server.Client.PostAsync(Path + "nope", new { username = "x" });
        var malformed = await server.Client.SendAsync(HttpMethod.Post, Path + "nope", "{not json");

        Assert.Equal((HttpStatusCode)444, unknown.Status);
        Assert.Equal("""{"status":"failed","errorMessage":"Logon process is not found","msgid":"AUCORE-1001"}""", unknown.Body.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal("OAAF-1102", malformed.Body.GetProperty("msgid").GetString());
        Assert.Equal("failed", malformed.Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task NativePath_VectorA1InDoLogon_IsOk()
    {
        var (session, process) = await StartAsync();
        await PollAsync(session, process);

        var (status, ok) = await server.Client.PostAsync($"/api/v1/logon/{process}/do_logon", new
        {
            endpoint_session_id = session,
            response = new { webauthn_response = new { id = Fido2Server.CredentialId, rawId = Fido2Server.CredentialId, type = "public-key",
                response = new { clientDataJSON = Fido2Server.C1, authenticatorData = Fido2Server.A1AuthData, signature = Fido2Server.A1Signature,
                    userHandle = Fido2Server.UserHandle }, clientExtensionResults = new { } } },
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("OK", ok.GetProperty("status").GetString());
    }
}
