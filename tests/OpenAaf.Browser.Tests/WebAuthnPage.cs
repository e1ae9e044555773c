using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace OpenAaf.Browser.Tests;

/// <summary>
/// A page of <c>https://mfa.example.test</c> (served by the test through request interception, never over the
/// network) with a CDP virtual authenticator. It runs the WebAuthn ceremonies with the options the FIDO2
/// method issued and returns the browser's <c>toJSON()</c> of the credential, as a portal would post it.
/// </summary>
public sealed class WebAuthnPage : IAsyncDisposable
{
    public const string Origin = "https://mfa.example.test";

    private readonly IBrowserContext _context;
    private readonly IPage _page;
    private readonly ICDPSession _cdp;

    private WebAuthnPage(IBrowserContext context, IPage page, ICDPSession cdp, string authenticatorId)
    {
        _context = context;
        _page = page;
        _cdp = cdp;
        AuthenticatorId = authenticatorId;
    }

    public string AuthenticatorId { get; }

    /// <param name="protocol"><c>ctap2</c> or <c>u2f</c></param>
    public static async Task<WebAuthnPage> OpenAsync(IBrowser browser, string protocol = "ctap2")
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RouteAsync("**/*", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200, ContentType = "text/html", Body = "<!doctype html><title>OpenAAF WebAuthn test</title><p>test page</p>",
        }));
        await page.GotoAsync(Origin + "/");
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = protocol, ["transport"] = "usb", ["hasResidentKey"] = false,
                ["hasUserVerification"] = protocol == "ctap2", ["isUserVerified"] = protocol == "ctap2",
                ["automaticPresenceSimulation"] = true,
            },
        });
        return new WebAuthnPage(context, page, cdp, added!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary><c>navigator.credentials.create</c> with creation options JSON; the credential's <c>toJSON()</c>.</summary>
    public Task<JsonObject> CreateAsync(JsonNode options) => CeremonyAsync(
        "async json => JSON.stringify((await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(JSON.parse(json)) })).toJSON())",
        options);

    /// <summary><c>navigator.credentials.get</c> with request options JSON; the credential's <c>toJSON()</c>.</summary>
    public Task<JsonObject> GetAsync(JsonNode options) => CeremonyAsync(
        "async json => JSON.stringify((await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(JSON.parse(json)) })).toJSON())",
        options);

    /// <summary>CDP <c>WebAuthn.setResponseOverrideBits</c>: the authenticator lies about UP or signs garbage.</summary>
    public async Task OverrideAsync(bool badUserPresence = false, bool bogusSignature = false) =>
        await _cdp.SendAsync("WebAuthn.setResponseOverrideBits", new Dictionary<string, object>
        {
            ["authenticatorId"] = AuthenticatorId, ["isBadUP"] = badUserPresence, ["isBogusSignature"] = bogusSignature,
        });

    /// <summary>The authenticator's only credential as CDP reports it (credentialId, privateKey, signCount, …).</summary>
    public async Task<JsonElement> CredentialAsync()
    {
        var result = await _cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = AuthenticatorId });
        return result!.Value.GetProperty("credentials")[0].Clone();
    }

    /// <summary>Replaces the credential by a copy of itself whose counter is <paramref name="signCount"/>: a cloned key.</summary>
    public Task CloneWithCounterAsync(JsonElement credential, int signCount) => PutCredentialAsync(
        credential.GetProperty("credentialId").GetString()!, credential.GetProperty("rpId").GetString()!,
        credential.GetProperty("privateKey").GetString()!, signCount);

    /// <summary>
    /// Replaces the authenticator's credentials by one non-resident credential (CDP binary fields are base64).
    /// The virtual authenticator hashes <paramref name="rpId"/> as given, so a U2F appId URL works as well.
    /// </summary>
    public async Task PutCredentialAsync(string credentialId, string rpId, string pkcs8PrivateKey, int signCount)
    {
        await _cdp.SendAsync("WebAuthn.clearCredentials", new Dictionary<string, object> { ["authenticatorId"] = AuthenticatorId });
        await _cdp.SendAsync("WebAuthn.addCredential", new Dictionary<string, object>
        {
            ["authenticatorId"] = AuthenticatorId,
            ["credential"] = new Dictionary<string, object>
            {
                ["credentialId"] = credentialId, ["isResidentCredential"] = false, ["rpId"] = rpId,
                ["privateKey"] = pkcs8PrivateKey, ["signCount"] = signCount,
            },
        });
    }

    /// <summary>
    /// <c>navigator.credentials.get</c> from a U2F:1 <c>webauth_challenge</c> (methods.md §9.1) as a portal's script
    /// would make it: hex challenge and key handles decoded to bytes, <c>extensions.appid</c> passed through.
    /// </summary>
    public Task<JsonObject> GetWithAppIdAsync(JsonNode webauthChallenge, string rpId) => EvaluateJsonAsync("""
        async ([json, rpId]) => {
          const c = JSON.parse(json);
          const bytes = hex => Uint8Array.from(hex.match(/../g), b => parseInt(b, 16));
          const credential = await navigator.credentials.get({ publicKey: {
            challenge: bytes(c.challenge), rpId, timeout: c.timeout, userVerification: c.userVerification,
            allowCredentials: c.allowCredentials.map(a => ({ type: a.type, id: bytes(a.id), transports: a.transports })),
            extensions: c.extensions } });
          return JSON.stringify(credential.toJSON());
        }
        """, new object[] { webauthChallenge.ToJsonString(), rpId });

    private Task<JsonObject> CeremonyAsync(string script, JsonNode options) => EvaluateJsonAsync(script, options.ToJsonString());

    private async Task<JsonObject> EvaluateJsonAsync(string script, object argument) =>
        JsonNode.Parse(await _page.EvaluateAsync<string>(script, argument))!.AsObject();

    public async ValueTask DisposeAsync()
    {
        await _cdp.DetachAsync();
        await _context.DisposeAsync();
    }
}
