using System.Text;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>Every reply carries <c>X-Content-Type-Options: nosniff</c>; every /api/v1 reply <c>Cache-Control: no-store</c>.</summary>
public sealed class ResponseHeadersTests(LocalServer server) : IClassFixture<LocalServer>
{
    public static TheoryData<string, string, string?, int> Replies => new()
    {
        { "POST", "/api/v1/endpoints/41414141414141414141414141414141/sessions", """{"salt":"abc","endpoint_secret_hash":"f34235555026975926e48ec01fc0887b2fed00ae9aa820b7adda26871aad08e9"}""", 200 },
        { "POST", "/api/v1/endpoints/41414141414141414141414141414141/sessions", """{"salt":"abc","endpoint_secret_hash":"0000000000000000000000000000000000000000000000000000000000000000"}""", 401 },
        { "POST", "/api/v1/logon", """{"user_name": """, 400 },
        { "GET", "/api/v1/logon/sessions/abc?endpoint_session_id=zzz", null, 433 },
        { "POST", "/api/v1/logon_method/FIDO2:1/login/abc", "{}", 444 },
        { "GET", "/api/v1/nothing/here", null, 404 },
        { "PUT", "/api/v1/logon", "{}", 405 },
        { "GET", "/nothing", null, 404 },
        { "GET", "/health/live", null, 200 },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task Replies_CarryNosniff_AndApiRepliesNoStore(string method, string path, string? body, int status)
    {
        // Arrange
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        // Act
        using var response = await server.Client.Http.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        if (path.StartsWith("/api/v1/", StringComparison.Ordinal))
            Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        else
            Assert.Null(response.Headers.CacheControl);
    }
}
