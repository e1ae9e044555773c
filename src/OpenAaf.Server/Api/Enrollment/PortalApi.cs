using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Chains;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;
using OpenAaf.Server.Http;

namespace OpenAaf.Server.Api.Enrollment;

/// <summary>The remaining portal and helpdesk helpers of api.md §9.4 and §9.7.</summary>
public static class PortalApi
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapPost("/enroll/chains/get", EnrollChainsAsync);
        api.MapPost("/users/{userId}/method/{methodId}/get_recipient", RecipientAsync);
        api.MapPost("/users/{userId}/delete", DeleteMeAsync);
        api.MapPost("/users/{userId}/unlock", UnlockAsync);
        api.MapGet("/events", EventsAsync);
        return app;
    }

    private static async Task<IResult> EnrollChainsAsync(
        HttpContext http, LoginSessionService logins, SessionAuthorizer authorizer, UserResolver users, TemplateService templates,
        IConfigurationSource configuration, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var userName = request.String("user_name");
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);
        var user = string.IsNullOrEmpty(userName)
            ? await users.FindByIdAsync(session.UserId, ct)
            : (await users.ResolveAsync(userName, ct)).User;
        if (user is null) return ErrorEnvelope.Result(Outcomes.UserNotFound);
        LoginSessionAccess.RequireRight(authorizer, session, user.UserId);

        var config = configuration.Current;
        var enrolled = (await templates.ListAsync(user, ct)).Select(t => (t.MethodId, t.CategoryId)).ToHashSet();
        var chains = config.Events.Where(e => e.Enabled)
            .SelectMany(e => e.ChainIds.Select((id, position) => (Chain: config.FindChain(id), position)))
            .Where(c => c.Chain is not null && ChainOffering.IsUsableBy(c.Chain, user, null))
            .GroupBy(c => c.Chain!.Id)
            .Select(g => (Chain: g.First().Chain!, Position: g.Min(c => c.position)))
            .OrderBy(c => c.Position)
            .Select(c => c.Chain)
            .ToList();
        var categories = new[] { "" }.Concat(config.Categories.Select(c => c.Id)
            .Where(id => config.Events.Any(e => e.AllCategories || e.Categories.Contains(id)))).Distinct();
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("chains");
            foreach (var category in categories)
            {
                w.WriteStartArray(category);
                foreach (var chain in chains)
                {
                    w.WriteStartObject();
                    w.WriteString("id_hex", chain.Id);
                    w.WriteNull("is_trusted");
                    w.WriteBoolean("is_enabled", chain.Enabled);
                    w.WriteString("name", chain.Name);
                    w.WriteString("short_name", chain.ShortName);
                    w.WriteStartArray("methods");
                    foreach (var method in chain.Methods)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", method);
                        w.WriteBoolean("is_enrolled", enrolled.Contains((method, category)));
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> RecipientAsync(
        HttpContext http, string userId, string methodId, LoginSessionService logins, SessionAuthorizer authorizer, UserResolver users,
        MethodCatalog methods, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);
        LoginSessionAccess.RequireRight(authorizer, session, userId);
        if (await users.FindByIdAsync(userId, ct) is not { } user) return ErrorEnvelope.Result(Outcomes.UserNotFound, StatusCodes.Status404NotFound);
        var recipient = methods.Find(methodId)?.Recipient?.Invoke(user.Account);
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("default_recipient", recipient ?? "");
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> DeleteMeAsync(
        HttpContext http, string userId, LoginSessionService logins, SessionAuthorizer authorizer, TemplateService templates,
        IConfigurationSource configuration, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);
        if (!string.Equals(session.UserId, userId, StringComparison.OrdinalIgnoreCase) || authorizer.ScopeOf(session) == ManagementScope.None)
            return ErrorEnvelope.Result(Outcomes.AccessDenied);
        if (!configuration.Current.Policies.DeleteMe.DeleteMeEnabled) return ErrorEnvelope.Result(Outcomes.DeleteMeDisabled);
        if (await templates.FindUserAsync(userId, ct) is { } user)
            foreach (var template in await templates.ListAsync(user, ct)) await templates.DeleteAsync(template, ct);
        await logins.EndAllOfUserAsync(userId, ct);
        return JsonBodyResult.Null;
    }

    private static async Task<IResult> UnlockAsync(
        HttpContext http, string userId, LoginSessionService logins, SessionAuthorizer authorizer, LockoutService lockout,
        IConfigurationSource configuration, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);
        if (authorizer.ScopeOf(session) != ManagementScope.Helpdesk || !authorizer.IsHelpdeskOperator(session) ||
            !configuration.Current.Policies.Helpdesk.AllowUnlockUsers)
            return ErrorEnvelope.Result(Outcomes.AccessDenied);
        await lockout.ResetAsync(userId.ToLowerInvariant(), ct);
        return JsonBodyResult.Null;
    }

    private static async Task<IResult> EventsAsync(
        HttpContext http, LoginSessionService logins, SessionAuthorizer authorizer, IConfigurationSource configuration, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);
        if (authorizer.ScopeOf(session) != ManagementScope.Helpdesk || !authorizer.IsHelpdeskOperator(session))
            return ErrorEnvelope.Result(Outcomes.AccessDenied);
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("events");
            foreach (var e in configuration.Current.Events)
            {
                w.WriteStartObject();
                w.WriteString("name", e.Name);
                w.WriteString("data_id", e.DataId);
                w.WriteString("event_type", e.Type);
                w.WriteBoolean("is_enabled", e.Enabled);
                w.WriteBoolean("event_all_categories", e.AllCategories);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
