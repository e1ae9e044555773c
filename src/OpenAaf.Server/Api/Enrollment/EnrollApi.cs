using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Sessions;
using OpenAaf.Server.Http;

namespace OpenAaf.Server.Api.Enrollment;

/// <summary>Enroll processes (api.md §7): start, step, cancel.</summary>
public static class EnrollApi
{
    public static IEndpointRouteBuilder MapEnrollApi(this IEndpointRouteBuilder app)
    {
        var enroll = app.MapGroup("/api/v1/enroll");
        enroll.MapPost("", StartAsync);
        enroll.MapPost("/{processId}/do_enroll", StepAsync);
        enroll.MapDelete("/{processId}", CancelAsync);
        return app;
    }

    private static async Task<IResult> StartAsync(HttpContext http, LoginSessionService logins, EnrollEngine engine, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var methodId = request.String("method_id", required: true);
        var userId = request.String("user_id");
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);

        if (!engine.IsEnrollable(methodId!)) return ErrorEnvelope.Result(Outcomes.MethodNotSupported);
        var (process, error) = await engine.StartAsync(session, methodId!, string.IsNullOrEmpty(userId) ? null : userId, ct);
        if (process is null) return ErrorEnvelope.Result(error!);
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("enroll_process_id", process.Id);
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> StepAsync(HttpContext http, string processId, LoginSessionService logins, EnrollEngine engine, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http, ApiRequest.LargeBodyLimit);
        var templateId = request.String("auth_t_id");
        var response = request.Object("response");
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);

        var reply = await engine.StepAsync(processId, session, string.IsNullOrEmpty(templateId) ? null : templateId, new MethodInput(response), ct);
        if (reply.Outcome == Outcomes.ProcessBusy) return ErrorEnvelope.Result(Outcomes.ProcessBusy);
        return JsonBodyResult.Ok(w => EnrollEnvelope.Write(w, reply));
    }

    private static async Task<IResult> CancelAsync(HttpContext http, string processId, LoginSessionService logins, EnrollEngine engine, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);
        // null whether or not the process existed (api.md §7.3).
        await engine.CancelAsync(processId, session, ct);
        return JsonBodyResult.Null;
    }
}
