using System.Text.Json;
using System.Text.RegularExpressions;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Endpoints;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Sessions;
using OpenAaf.Server.Http;

namespace OpenAaf.Server.Api.Endpoints;

/// <summary>Endpoints and endpoint sessions (api.md §3).</summary>
public static partial class EndpointsApi
{
    private const int MaxSaltLength = 1024;
    private const int MaxSessionDataBytes = 4096;

    public static IEndpointRouteBuilder MapEndpointsApi(this IEndpointRouteBuilder app)
    {
        var endpoints = app.MapGroup("/api/v1/endpoints");
        endpoints.MapPost("", RegisterAsync);
        endpoints.MapDelete("/{endpointId}", DeleteAsync);
        endpoints.MapPost("/{endpointId}/sessions", CreateSessionAsync);
        endpoints.MapGet("/{endpointId}/sessions/{sessionId}", ReadSessionAsync);
        endpoints.MapDelete("/{endpointId}/sessions/{sessionId}", DeleteSessionAsync);
        return app;
    }

    private static async Task<IResult> RegisterAsync(
        HttpContext http, EndpointService service, AdminVerifier admins, IConfigurationSource config, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var name = request.String("name", required: true, maxLength: 256);
        var typ = request.Int("typ") ?? 3;
        var desc = request.String("desc") ?? "";
        var trusted = request.Bool("is_trusted") ?? false;
        var enabled = request.Bool("is_enabled") ?? true;
        var owner = request.String("owner_user_name");
        var tenant = request.String("tenant_name");
        var authData = ReadAuthData(request);
        if (name is { Length: 0 }) request.Invalid("name", "Must not be empty");
        request.ThrowIfInvalid();
        if (tenant is { Length: > 0 } && !string.Equals(tenant, Tenant.DefaultName, StringComparison.OrdinalIgnoreCase))
            return ErrorEnvelope.Result(Outcomes.NotFound, "Tenant is not found");

        if (config.Current.Policies.EndpointMan.CreateNeedAuth || authData is not null)
        {
            if (authData is null) return ErrorEnvelope.Result(Outcomes.AdminAuthFailed);
            if (await admins.VerifyAsync(authData, ct) is { } refused) return ErrorEnvelope.Result(refused);
        }
        var (endpoint, error) = await service.RegisterAsync(new NewEndpoint(name!, typ, desc, trusted, enabled, owner), ct);
        if (endpoint is null) return ErrorEnvelope.Result(error!);
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", endpoint.Id);
            w.WriteString("secret", endpoint.Secret);
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> DeleteAsync(
        HttpContext http, string endpointId, EndpointService service, AdminVerifier admins, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var authData = ReadAuthData(request);
        request.ThrowIfInvalid();
        // Credentials are checked before the id, so that an unauthenticated caller learns nothing about ids.
        if (authData is null) return ErrorEnvelope.Result(Outcomes.AdminAuthFailed);
        if (await admins.VerifyAsync(authData, ct) is { } refused) return ErrorEnvelope.Result(refused);
        return await service.DeleteAsync(endpointId, ct) ? JsonBodyResult.Null : ErrorEnvelope.Result(Outcomes.EndpointNotFound);
    }

    private static async Task<IResult> CreateSessionAsync(
        HttpContext http, string endpointId, EndpointSessionService sessions, EndpointAuthThrottle throttle, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http, formAllowed: true);
        var salt = request.String("salt", required: true, maxLength: MaxSaltLength);
        var hash = request.String("endpoint_secret_hash", required: true, maxLength: 64);
        var sessionData = request.Object("session_data");
        if (salt is { Length: 0 }) request.Invalid("salt", "Must not be empty");
        if (hash is not null && !HashPattern().IsMatch(hash)) request.Invalid("endpoint_secret_hash", "String does not match expected pattern");
        var data = sessionData?.GetRawText() ?? "{}";
        if (data.Length > MaxSessionDataBytes) request.Invalid("session_data", "Object is too large");
        request.ThrowIfInvalid();

        // A correct hash gets its session even while this client is throttled; only wrong ones are answered 429.
        var client = ClientAddress.KeyOf(http);
        var retryAfter = throttle.RetryAfter(endpointId, client);
        var session = await sessions.CreateAsync(endpointId, salt!, hash!, data, ct);
        if (session is null)
        {
            if (retryAfter is { } seconds) return ErrorEnvelope.TooManyRequests(seconds);
            throttle.RecordFailure(endpointId, client);
            return ErrorEnvelope.Result(Outcomes.EndpointAuthFailed);
        }
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("endpoint_session_id", session.Id);
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> ReadSessionAsync(
        HttpContext http, string endpointId, string sessionId, EndpointSessionService sessions, CancellationToken ct)
    {
        // Nothing is read from the request, but hostile text in it is refused like everywhere else.
        using var request = await ApiRequest.ReadAsync(http);
        var session = await sessions.UseAsync(sessionId, ct);
        if (session is null || !string.Equals(session.EndpointId, endpointId, StringComparison.OrdinalIgnoreCase))
            return ErrorEnvelope.Result(Outcomes.EndpointSessionNotFound);
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("endpoint_session_id", session.Id);
            w.WriteString("endpoint_id", session.EndpointId);
            w.WriteString("created", WireTime.Format(session.Created));
            w.WriteString("expires_at", WireTime.Format(sessions.ExpiresAt(session)));
            w.WritePropertyName("session_data");
            using (var doc = JsonDocument.Parse(session.SessionData)) doc.RootElement.WriteTo(w);
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> DeleteSessionAsync(
        HttpContext http, string endpointId, string sessionId, EndpointSessionService sessions, CancellationToken ct)
    {
        // Nothing is read from the request, but hostile text in it is refused like everywhere else.
        using var request = await ApiRequest.ReadAsync(http);
        var session = await sessions.UseAsync(sessionId, ct);
        if (session is null || !string.Equals(session.EndpointId, endpointId, StringComparison.OrdinalIgnoreCase))
            return ErrorEnvelope.Result(Outcomes.EndpointSessionNotFound);
        await sessions.EndAsync(session, ct);
        return JsonBodyResult.Null;
    }

    private static AdminCredentials? ReadAuthData(ApiRequest request)
    {
        if (request.Object("auth_data") is not { } auth) return null;
        var input = new MethodInput(auth);
        foreach (var field in new[] { "method_id", "user_name", "password" })
            if (input.HasNonString(field)) request.Invalid("auth_data." + field, "Must be a string");
        return new AdminCredentials(input.GetString("method_id"), input.GetString("user_name"), input.GetString("password"));
    }

    [GeneratedRegex("^[0-9A-Fa-f]{64}$")]
    private static partial Regex HashPattern();
}
