using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OpenAaf.Bench.Load;

/// <summary>The few wire calls the load commands make, as a vendor client makes them.</summary>
internal static class ApiCalls
{
    public static async Task<string> CreateSessionAsync(HttpClient http, string endpointId, string secret)
    {
        const string salt = "bench-salt";
        var inner = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpointId + salt)));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret + inner)));
        var reply = await http.PostAsJsonAsync($"/api/v1/endpoints/{endpointId}/sessions", new { salt, endpoint_secret_hash = hash });
        reply.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("endpoint_session_id").GetString()!;
    }

    /// <summary>POSTs <paramref name="body"/>; the parsed reply, or null for an HTTP error.</summary>
    public static async Task<JsonElement?> PostAsync(HttpClient http, string path, object body)
    {
        using var reply = await http.PostAsJsonAsync(path, body);
        if (!reply.IsSuccessStatusCode) return null;
        using var doc = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    public static string? Status(JsonElement? reply) =>
        reply is { } r && r.TryGetProperty("status", out var s) ? s.GetString() : null;

    public static string? Text(JsonElement? reply, string name) =>
        reply is { } r && r.TryGetProperty(name, out var s) ? s.GetString() : null;
}
