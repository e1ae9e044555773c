using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OpenAaf.Server.Tests.Support;

/// <summary>A thin client of the wire API, speaking raw JSON so that tests see exactly what a vendor client sees.</summary>
public sealed class ApiClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? body = null, string? contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object body) =>
        SendAsync(HttpMethod.Post, path, JsonSerializer.Serialize(body));

    public static string SecretHash(string endpointId, string secret, string salt)
    {
        var inner = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpointId + salt)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret + inner)));
    }

    public async Task<string> NewEndpointSessionAsync(string endpointId = OpenAafFactory.EndpointId, string secret = OpenAafFactory.EndpointSecret)
    {
        var (status, body) = await PostAsync($"/api/v1/endpoints/{endpointId}/sessions",
            new { salt = "i_am_salt", endpoint_secret_hash = SecretHash(endpointId, secret, "i_am_salt"), session_data = new { } });
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("endpoint_session_id").GetString()!;
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> StartLogonAsync(string session, string user, string? method = null, string? eventName = "Authenticators Management") =>
        PostAsync("/api/v1/logon", new Dictionary<string, string?>
        {
            ["method_id"] = method, ["user_name"] = user, ["event"] = eventName, ["endpoint_session_id"] = session,
        });

    public Task<(HttpStatusCode Status, JsonElement Body)> AnswerAsync(string session, string processId, string? answer) =>
        PostAsync($"/api/v1/logon/{processId}/do_logon", answer is null
            ? new { endpoint_session_id = session }
            : (object)new { response = new { answer }, endpoint_session_id = session });

    /// <summary>Logon to the end with one password step; returns the final envelope.</summary>
    public async Task<JsonElement> LogonAsync(string session, string user, string password, string? method = null, string? eventName = "Authenticators Management")
    {
        var (status, started) = await StartLogonAsync(session, user, method, eventName);
        Assert.Equal(HttpStatusCode.OK, status);
        var (_, done) = await AnswerAsync(session, started.GetProperty("logon_process_id").GetString()!, password);
        return done;
    }
}
