using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api.LogonMethods;

/// <summary>
/// A server whose only chain is FIDO2:1 for <c>mfa.example.test</c>, whose challenges are the fixed assertion
/// challenge of test-vectors.md §7, and a way to seed LOCAL\alice's template of the vector credential.
/// </summary>
public sealed class Fido2Server : IDisposable
{
    public static readonly byte[] AssertionChallenge = Convert.FromHexString("c2ffa9008f4316076b6214268af1055a6b138b11a7ede2223dacbf1e19fc3659");
    public const string CredentialId = "Znc85jW-mlnjuuO1obxwaw";
    public const string UserHandle = "qOMthsaYcaUH9FsuZJdhOA";
    public const string C1 =
        "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoid3YtcEFJOURGZ2RyWWhRbWl2RUZXbXNUaXhHbjdlSWlQYXlfSGhuOE5sayIsIm9yaWdpbiI6Imh0dHBzOi8vbWZhLmV4YW1wbGUudGVzdCIsImNyb3NzT3JpZ2luIjpmYWxzZX0";
    public const string A1AuthData = "E4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefEFAAAAAQ";
    public const string A1Signature = "MEYCIQDXuj-lAA2F-m4S7BUSBahxMCVfWozNTLSOrHxXNtZ9vAIhAJcPLttPGPeidhPNvjGSyDCb_0WzEbyCwXe6oZgluR6z";

    private readonly OpenAafFactory _base;

    public Fido2Server()
    {
        var chains = new JsonArray(new JsonObject { ["name"] = "Security key", ["methods"] = new JsonArray("FIDO2:1") });
        var events = new JsonArray(
            new JsonObject { ["name"] = "Default", ["chains"] = new JsonArray("Security key") },
            new JsonObject { ["name"] = "Authenticators Management", ["chains"] = new JsonArray("Security key") });
        var policies = new JsonObject
        {
            ["Fido2Method"] = new JsonObject { ["rp_ids"] = new JsonArray("mfa.example.test"), ["origins"] = new JsonArray("https://mfa.example.test") },
        };
        _base = new OpenAafFactory(OpenAafFactory.Bootstrap(chains, events), policies: policies);
        Factory = _base.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IRandomSource>(new FixedChallenge())));
        Client = new ApiClient(Factory.CreateClient());
    }

    public WebApplicationFactory<Program> Factory { get; }
    public ApiClient Client { get; }

    /// <summary>Stores the §7.1 credential as a FIDO2:1 template of LOCAL\alice with <paramref name="signCount"/>.</summary>
    public async Task SeedAliceAsync(uint signCount = 0)
    {
        var services = Factory.Services;
        var user = (await services.GetRequiredService<UserResolver>().ResolveAsync("alice", default)).User!;
        var credential = new Fido2Credential
        {
            RpId = "mfa.example.test", CredentialId = Convert.FromHexString("66773ce635be9a59e3bae3b5a1bc706b"),
            PublicKey = Convert.FromHexString("a5010203262001215820675d2d364e91d21789456c434ff4a91be1799c01919848536bdf0b62679349e62258208ef595d09edeb5d02c0e9638ff889d8a7e41e8b031f095aa982256d117bfb104"),
            Algorithm = CoseAlgorithms.Es256, SignCount = signCount, UserHandle = Convert.FromHexString("a8e32d86c69871a507f45b2e64976138"),
        };
        var store = services.GetRequiredService<ITemplateStore>();
        foreach (var old in (await store.ListAsync(user.UserId, default)).Where(t => t.MethodId == MethodIds.Fido2))
            await store.DeleteAsync(old.Id, default);
        var secrets = services.GetRequiredService<TemplateSecrets>();
        Assert.True(await store.TryAddAsync(new Template
        {
            Id = RandomIds.NewHexId(), UserId = user.UserId, MethodId = MethodIds.Fido2, Data = credential.DisplayData(),
            Secret = secrets.Seal(user.UserId, MethodIds.Fido2, credential.Serialize()), Created = DateTimeOffset.UtcNow,
        }, default));
    }

    /// <summary>The library's result message for row A1 (test-vectors.md §7.2).</summary>
    public static object A1Result => new
    {
        rawId = CredentialId, id = CredentialId, username = "LOCAL\\alice",
        response = new { clientDataJSON = C1, authenticatorData = A1AuthData, signature = A1Signature, userHandle = UserHandle },
        getClientExtensionResults = new { },
    };

    public void Dispose()
    {
        Factory.Dispose();
        _base.Dispose();
    }

    private sealed class FixedChallenge : IRandomSource
    {
        public void Fill(Span<byte> buffer) => AssertionChallenge.CopyTo(buffer);
    }
}
