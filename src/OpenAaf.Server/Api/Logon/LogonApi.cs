using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Sessions;
using OpenAaf.Server.Http;
using OpenAaf.Server.Telemetry;

namespace OpenAaf.Server.Api.Logon;

/// <summary>The logon API (api.md §5): start, answer, next method, abort.</summary>
public static class LogonApi
{
    public static IEndpointRouteBuilder MapLogonApi(this IEndpointRouteBuilder app)
    {
        var logon = app.MapGroup("/api/v1/logon");
        logon.MapPost("", StartAsync).WithLogonStep("start");
        logon.MapPost("/{processId}/do_logon", AnswerAsync).WithLogonStep("do_logon");
        logon.MapPost("/{processId}/next", NextAsync).WithLogonStep("next");
        logon.MapDelete("/{processId}", AbortAsync).WithLogonStep("abort");
        return app;
    }

    private static async Task<IResult> StartAsync(
        HttpContext http, EndpointSessionService sessions, LogonEngine engine, IConfigurationSource config, MethodCatalog methods,
        CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var sessionId = request.String("endpoint_session_id", required: true);
        // "username" is an accepted alias (api.md §5.2); it normalises to the same key as "user_name".
        var userName = request.String("user_name", required: true);
        var methodId = request.String("method_id");
        var eventName = request.String("event");
        var categoryId = request.String("category_id");
        request.ThrowIfInvalid();

        if (await sessions.UseAsync(sessionId, ct) is not { } session) return ErrorEnvelope.Result(Outcomes.EndpointSessionNotFound);
        var reply = await engine.StartAsync(new StartLogonRequest(session, userName!, NullIfEmpty(methodId), eventName, categoryId), ct);
        return Envelope(reply, config, methods);
    }

    private static async Task<IResult> AnswerAsync(
        HttpContext http, string processId, EndpointSessionService sessions, LogonEngine engine, IConfigurationSource config,
        MethodCatalog methods, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http, ApiRequest.LargeBodyLimit);
        var sessionId = request.String("endpoint_session_id", required: true);
        var response = request.Object("response");
        request.ThrowIfInvalid();

        if (await sessions.UseAsync(sessionId, ct) is not { } session) return ErrorEnvelope.Result(Outcomes.EndpointSessionNotFound);
        var reply = await engine.AnswerAsync(processId, session.Id, new MethodInput(response), ct);
        return Envelope(reply, config, methods);
    }

    private static async Task<IResult> NextAsync(
        HttpContext http, string processId, EndpointSessionService sessions, LogonEngine engine, IConfigurationSource config,
        MethodCatalog methods, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var sessionId = request.String("endpoint_session_id", required: true);
        var methodId = request.String("method_id", required: true);
        request.ThrowIfInvalid();

        if (await sessions.UseAsync(sessionId, ct) is not { } session) return ErrorEnvelope.Result(Outcomes.EndpointSessionNotFound);
        var reply = await engine.NextAsync(processId, session.Id, methodId!, ct);
        return Envelope(reply, config, methods);
    }

    private static async Task<IResult> AbortAsync(HttpContext http, string processId, EndpointSessionService sessions, LogonEngine engine, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var sessionId = request.String("endpoint_session_id", required: true);
        request.ThrowIfInvalid();

        if (await sessions.UseAsync(sessionId, ct) is not { } session) return ErrorEnvelope.Result(Outcomes.EndpointSessionNotFound);
        // Idempotent (api.md §5.5): a process of this caller that has already ended answers null too. The same call ends a
        // template-test process of a login session made through this endpoint.
        return await engine.AbortAsync(processId, session, ct) is { } error ? ErrorEnvelope.Result(error) : JsonBodyResult.Null;
    }

    internal static IResult Envelope(LogonReply reply, IConfigurationSource config, MethodCatalog methods) =>
        reply.Result is { } result
            ? JsonBodyResult.Ok(w => LogonEnvelope.Write(w, result, config.Current.Policies, methods))
            : ErrorEnvelope.Result(reply.Error!);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
