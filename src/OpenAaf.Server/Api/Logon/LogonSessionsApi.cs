using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Chains;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Sessions;
using OpenAaf.Server.Http;

namespace OpenAaf.Server.Api.Logon;

/// <summary>Chains for a user (api.md §5.6) and login sessions (api.md §6).</summary>
public static class LogonSessionsApi
{
    public static IEndpointRouteBuilder MapLogonSessionsApi(this IEndpointRouteBuilder app)
    {
        var logon = app.MapGroup("/api/v1/logon");
        logon.MapGet("/chains", ChainsAsync);
        logon.MapPost("/chains", ChainsAsync);
        logon.MapGet("/sessions/{loginSessionId}", ReadAsync);
        logon.MapDelete("/sessions/{loginSessionId}", LogoutAsync);
        return app;
    }

    private static async Task<IResult> ChainsAsync(HttpContext http, EndpointSessionService sessions, ChainQuery query, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var sessionId = request.String("endpoint_session_id", required: true);
        // "username" is an accepted alias (api.md §5.2); it normalises to the same key as "user_name".
        var userName = request.String("user_name", required: true);
        var eventName = request.String("event") ?? request.String("application");
        request.Bool("is_trusted");
        request.ThrowIfInvalid();

        if (await sessions.UseAsync(sessionId, ct) is not { } session) return ErrorEnvelope.Result(Outcomes.EndpointSessionNotFound);
        var (chains, error) = await query.ForUserAsync(session, userName!, eventName, ct);
        if (chains is null) return ErrorEnvelope.Result(error!);
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("chains");
            foreach (var c in chains.Chains) ChainJson.Write(w, c.Chain, c.Position);
            w.WriteEndArray();
            w.WriteBoolean("user_is_locked", chains.UserIsLocked);
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> ReadAsync(
        HttpContext http, string loginSessionId, EndpointSessionService sessions, LoginSessionService logins,
        Core.Configuration.IConfigurationSource config, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var sessionId = request.String("endpoint_session_id", required: true);
        request.ThrowIfInvalid();
        if (await sessions.UseAsync(sessionId, ct) is not { } session) return ErrorEnvelope.Result(Outcomes.EndpointSessionNotFound);

        var (login, error) = await logins.UseAsync(loginSessionId, ct, session.EndpointId);
        if (login is null) return ErrorEnvelope.Result(error!);
        var @event = config.Current.FindEvent(login.EventName);
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("event_name", login.EventName);
            w.WriteString("data_id", @event?.DataId ?? login.EventName.ToUpperInvariant());
            w.WriteString("user_name", login.UserName);
            w.WriteString("user_id", login.UserId);
            w.WriteString("repo_id", login.RepositoryId);
            w.WriteString("repo_obj_id", login.RepositoryObjectId);
            w.WriteString("created", WireTime.Format(login.Created));
            w.WriteString("chain_id", login.ChainId);
            w.WriteStartArray("user_groups");
            foreach (var g in login.UserGroups) w.WriteStringValue(g);
            w.WriteEndArray();
            w.WriteString("expires_at", WireTime.Format(logins.ExpiresAt(login)));
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> LogoutAsync(
        HttpContext http, string loginSessionId, EndpointSessionService sessions, LoginSessionService logins, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var sessionId = request.String("endpoint_session_id", required: true);
        request.ThrowIfInvalid();
        if (await sessions.UseAsync(sessionId, ct) is not { } session) return ErrorEnvelope.Result(Outcomes.EndpointSessionNotFound);

        var (login, error) = await logins.UseAsync(loginSessionId, ct, session.EndpointId);
        if (login is null) return ErrorEnvelope.Result(error!);
        await logins.EndAsync(login.Id, ct);
        return JsonBodyResult.Null;
    }
}
