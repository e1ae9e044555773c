using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Templates;
using OpenAaf.Server.Api.Logon;
using OpenAaf.Server.Http;
using OpenAaf.Server.Telemetry;

namespace OpenAaf.Server.Api.Enrollment;

/// <summary>Testing one template (api.md §8.5): a logon of its method against it alone, without a login session.</summary>
public static class TemplateTestApi
{
    public static IEndpointRouteBuilder MapTemplateTestApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/users/{userId}/templates/{templateId}/test", TestAsync).WithLogonStep("test");
        return app;
    }

    private static async Task<IResult> TestAsync(
        HttpContext http, string userId, string templateId, LoginSessionService logins, SessionAuthorizer authorizer,
        TemplateService templates, LogonEngine engine, IConfigurationSource config, MethodCatalog methods, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http, ApiRequest.LargeBodyLimit);
        var processId = request.String("logon_process_id");
        var response = request.Object("response");
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);
        LoginSessionAccess.RequireRight(authorizer, session, userId);
        var input = new MethodInput(response);

        LogonReply reply;
        if (!string.IsNullOrEmpty(processId))
        {
            reply = await engine.ContinueTestAsync(processId, session, input, ct);
        }
        else
        {
            if (await templates.FindAsync(userId, templateId, ct) is not { } template) return ErrorEnvelope.Result(Outcomes.TemplateNotFound);
            if (await templates.FindUserAsync(template.UserId, ct) is not { } user)
                return ErrorEnvelope.Result(Outcomes.UserNotFound, StatusCodes.Status404NotFound);
            reply = await engine.StartTestAsync(session, user, template, input, ct);
        }
        if (reply.Result is not { } result) return ErrorEnvelope.Result(reply.Error!);
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("result");
            LogonEnvelope.Write(w, result, config.Current.Policies, methods);
            w.WriteString("logon_process_id", result.Process.Id);
            w.WriteEndObject();
        });
    }
}
