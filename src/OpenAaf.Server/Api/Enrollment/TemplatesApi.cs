using System.Text.Json;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Templates;
using OpenAaf.Server.Http;

namespace OpenAaf.Server.Api.Enrollment;

/// <summary>A user's templates (api.md §8.1–8.4).</summary>
public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/v1/users/{userId}/templates");
        templates.MapGet("", ListAsync);
        templates.MapPost("", CreateAsync);
        templates.MapPut("/{templateId}", ModifyAsync);
        templates.MapDelete("/{templateId}", DeleteAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, string userId, LoginSessionService logins, SessionAuthorizer authorizer, TemplateService service,
        MethodCatalog methods, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);
        LoginSessionAccess.RequireRight(authorizer, session, userId);
        var user = await service.FindUserAsync(userId, ct);
        if (user is null) return ErrorEnvelope.Result(Outcomes.UserNotFound, StatusCodes.Status404NotFound);

        var list = await service.ListAsync(user, ct);
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("templates");
            foreach (var t in list) WriteTemplate(w, t, methods);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http, string userId, LoginSessionService logins, SessionAuthorizer authorizer, TemplateService service, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var processId = request.String("enroll_process_id", required: true);
        var categoryId = request.String("category_id") ?? "";
        var comment = request.String("comment") ?? "";
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);
        LoginSessionAccess.RequireRight(authorizer, session, userId);

        var (templateId, error) = await service.CreateAsync(session, userId, processId!, categoryId, comment, ct);
        if (templateId is null) return Refusal(error!, processId!);
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("auth_t_id", templateId);
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> ModifyAsync(
        HttpContext http, string userId, string templateId, LoginSessionService logins, SessionAuthorizer authorizer,
        TemplateService service, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var comment = request.String("comment");
        var processId = request.String("enroll_process_id");
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);
        LoginSessionAccess.RequireRight(authorizer, session, userId);

        if (await service.FindAsync(userId, templateId, ct) is not { } template) return ErrorEnvelope.Result(Outcomes.TemplateNotFound);
        var error = await service.ModifyAsync(session, template, comment, string.IsNullOrEmpty(processId) ? null : processId, ct);
        return error is null ? JsonBodyResult.Null : Refusal(error, processId ?? "");
    }

    private static async Task<IResult> DeleteAsync(
        HttpContext http, string userId, string templateId, LoginSessionService logins, SessionAuthorizer authorizer,
        TemplateService service, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);
        LoginSessionAccess.RequireRight(authorizer, session, userId);

        if (await service.FindAsync(userId, templateId, ct) is not { } template) return ErrorEnvelope.Result(Outcomes.TemplateNotFound);
        await service.DeleteAsync(template, ct);
        return JsonBodyResult.Null;
    }

    /// <summary>The 4xx of a refused save, with the wire details the vendor's clients look at (api.md §8.2).</summary>
    private static IResult Refusal(Outcome error, string processId)
    {
        if (error == Outcomes.EnrollProcessNotFound) return ErrorEnvelope.Result(error, $"Enrollment process is not found {processId}");
        if (error == Outcomes.MethodExistsInCategory)
            return ErrorEnvelope.Fields(error, [new FieldError("body", "category_id", error.Message)]);
        return ErrorEnvelope.Result(error);
    }

    private static void WriteTemplate(Utf8JsonWriter w, Template t, MethodCatalog methods)
    {
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("method_id", t.MethodId);
        w.WriteString("method_title", methods.Find(t.MethodId)?.Title ?? t.MethodId);
        w.WriteString("comment", t.Comment);
        w.WriteString("category_id", t.CategoryId);
        w.WriteBoolean("is_enrolled", true);
        w.WritePropertyName("data");
        using (var data = JsonDocument.Parse(t.Data)) data.RootElement.WriteTo(w);
        w.WriteString("created", WireTime.Format(t.Created));
        w.WriteEndObject();
    }
}
