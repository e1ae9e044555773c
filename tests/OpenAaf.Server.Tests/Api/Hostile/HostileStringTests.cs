using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api.Hostile;

/// <summary>
/// Text that is not valid Unicode (lone surrogates, invalid or overlong UTF-8) or holds NUL, in a string value,
/// in a key or in the query string, on every /api/v1 route the server maps: always 400 with the error envelope,
/// never a 500, and nothing in the log.
/// </summary>
public sealed partial class HostileStringTests(HostileServer server) : IClassFixture<HostileServer>
{
    /// <summary>Every string field some route reads, plus nested method payloads and opaque objects.</summary>
    private static readonly string ValueBody = Quoted(
        "{'endpoint_session_id':'@','login_session_id':'@','logon_process_id':'@','enroll_process_id':'@','user_name':'@','username':'@'," +
        "'method_id':'@','event':'@','category_id':'@','salt':'@','endpoint_secret_hash':'@','name':'@','desc':'@','comment':'@'," +
        "'owner_user_name':'@','tenant_name':'@','id':'@','rawId':'@','type':'@','response':{'answer':'@','capture':{'ISO':'@'}}," +
        "'auth_data':{'method_id':'@','user_name':'@','password':'@'},'session_data':{'k':'@'}}");

    private static readonly string KeyBody = Quoted("{'@':'x','response':{'@':'x'},'auth_data':{'@':'x'},'session_data':{'@':'x'}}");

    private static readonly Lazy<IReadOnlyList<string>> AllRoutes = new(() =>
    {
        using var factory = OpenAafFactory.WithLocalUsers();
        return HostileServer.Routes(factory.Services);
    });

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var route in AllRoutes.Value)
        foreach (var text in HostileText.All)
        foreach (var where in new[] { "body-value", "body-key", "query-value", "query-key" })
        {
            // GET reads the query string only (api.md §1.3 rule 5).
            if (route.StartsWith("GET ", StringComparison.Ordinal) && where.StartsWith("body", StringComparison.Ordinal)) continue;
            data.Add(route, text.Name, where);
        }
        return data;
    }

    [Fact]
    public void TheRoutes_AreEnumeratedFromTheRunningServer()
    {
        var routes = server.Routes();

        Assert.Equal(AllRoutes.Value, routes);
        Assert.Contains("POST /api/v1/logon/{processId}/do_logon", routes);
        Assert.Contains("POST /api/v1/logon_method/FIDO2:1/login/{logonProcessId}", routes);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileText_Is400WithTheEnvelope_AndLogsNothing(string route, string textName, string where)
    {
        // Arrange
        var text = HostileText.Named(textName);
        var verb = route[..route.IndexOf(' ')];
        var path = RouteParameter().Replace(route[(verb.Length + 1)..],
            m => m.Value.StartsWith("{endpointId", StringComparison.Ordinal) ? OpenAafFactory.EndpointId : new string('z', 32));
        var (query, body) = where switch
        {
            "body-value" => ("", text.Into(ValueBody)),
            "body-key" => ("", text.Into(KeyBody)),
            "query-value" => ($"?endpoint_session_id={text.Encoded}&login_session_id={text.Encoded}&user_name={text.Encoded}&salt={text.Encoded}", "{}"u8.ToArray()),
            _ => ($"?{text.Encoded}=x&endpoint_session_id=x", "{}"u8.ToArray()),
        };
        using var request = new HttpRequestMessage(new HttpMethod(verb), path + query);
        if (verb != "GET")
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        server.Log.Clear();

        // Act
        using var response = await server.Factory.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (path.StartsWith("/api/v1/logon_method/FIDO2:1/", StringComparison.Ordinal))
        {
            // The sub-protocol keeps its client library's error shape (api.md §2.1), with the catalogue code.
            Assert.Equal("failed", reply.GetProperty("status").GetString());
            Assert.Contains(reply.GetProperty("msgid").GetString(), new[] { "OAAF-1101", "OAAF-1102" });
        }
        else
        {
            Assert.Equal("error", reply.GetProperty("status").GetString());
            Assert.Contains(reply.GetProperty("reason").GetString(), new[] { "VALIDATION_ERROR", "MALFORMED_JSON" });
            Assert.Contains(reply.GetProperty("errors")[0].GetProperty("location").GetString(), new[] { "body", "querystring" });
        }
        Assert.Empty(server.Log.Problems);
    }

    private static string Quoted(string text) => text.Replace('\'', '"');

    public static TheoryData<string, string> FormCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var text in HostileText.All)
        foreach (var where in new[] { "form-value", "form-key" })
            data.Add(text.Name, where);
        return data;
    }

    [Theory]
    [MemberData(nameof(FormCases))]
    public async Task HostileText_InAFormBody_Is400WithTheEnvelope(string textName, string where)
    {
        // Arrange: the one route that takes form bodies (api.md §1.1).
        var text = HostileText.Named(textName);
        const string hash = "f34235555026975926e48ec01fc0887b2fed00ae9aa820b7adda26871aad08e9";
        var form = where == "form-value" ? $"salt={text.Encoded}&endpoint_secret_hash={hash}" : $"{text.Encoded}=x&salt=abc&endpoint_secret_hash={hash}";
        using var content = new StringContent(form, new MediaTypeHeaderValue("application/x-www-form-urlencoded"));
        server.Log.Clear();

        // Act
        using var response = await server.Factory.CreateClient().PostAsync(
            $"/api/v1/endpoints/{OpenAafFactory.EndpointId}/sessions", content, TestContext.Current.CancellationToken);
        var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("VALIDATION_ERROR", reply.GetProperty("reason").GetString());
        Assert.Equal("body", reply.GetProperty("errors")[0].GetProperty("location").GetString());
        Assert.Empty(server.Log.Problems);
    }

    [Fact]
    public async Task AFormBody_OfPlainText_StillCreatesASession()
    {
        var hash = ApiClient.SecretHash(OpenAafFactory.EndpointId, OpenAafFactory.EndpointSecret, "salt with spaces+ünïcode");
        using var content = new StringContent($"salt=salt+with%20spaces%2B%C3%BCn%C3%AFcode&endpoint_secret_hash={hash}",
            new MediaTypeHeaderValue("application/x-www-form-urlencoded"));

        using var response = await server.Factory.CreateClient().PostAsync(
            $"/api/v1/endpoints/{OpenAafFactory.EndpointId}/sessions", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
