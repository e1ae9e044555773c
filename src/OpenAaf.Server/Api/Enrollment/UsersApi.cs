using System.Text.Json;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Users;
using OpenAaf.Server.Http;

namespace OpenAaf.Server.Api.Enrollment;

/// <summary>The portal helpers of api.md §9: find a user, categories, method titles, effective policy.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/users", FindUserAsync);
        api.MapGet("/categories", CategoriesAsync);
        api.MapPost("/methods/get", MethodsAsync);
        api.MapGet("/users/{userId}/effective_policy", EffectivePolicyAsync);
        return app;
    }

    private static async Task<IResult> FindUserAsync(
        HttpContext http, LoginSessionService logins, SessionAuthorizer authorizer, UserResolver users, LockoutService lockout,
        IConfigurationSource config, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var userName = request.String("user_name", required: true);
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);
        var resolution = await users.ResolveAsync(userName!, ct);
        // A self session may look up only itself, and learns nothing about whether others exist.
        if (resolution.User is not { } user)
            return authorizer.MayManage(session, "") is null
                ? ErrorEnvelope.Result(Outcomes.UserNotFound, StatusCodes.Status404NotFound)
                : ErrorEnvelope.Result(Outcomes.AccessDenied);
        LoginSessionAccess.RequireRight(authorizer, session, user.UserId);
        var state = await lockout.GetAsync(user.UserId, ct);
        var repository = config.Current.FindRepositoryById(user.RepositoryId);
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", user.UserId);
            w.WriteString("obj_id", user.Account.ObjectId);
            w.WriteString("user_name", user.UserName);
            w.WriteString("loginame", user.Account.LoginName);
            w.WriteString("repo_id", user.RepositoryId);
            w.WriteString("repo_name", repository?.Name ?? user.Account.RepositoryName);
            if (state.LastFailAt is { } last) w.WriteString("last_fail_at", WireTime.Format(last));
            else w.WriteNull("last_fail_at");
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> CategoriesAsync(
        HttpContext http, LoginSessionService logins, SessionAuthorizer authorizer, IConfigurationSource config, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);
        LoginSessionAccess.RequireRight(authorizer, session, session.UserId);
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("categories");
            foreach (var c in config.Current.Categories)
            {
                w.WriteStartObject();
                w.WriteString("id", c.Id);
                w.WriteString("name", c.Name);
                w.WriteString("desc", c.Desc);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> MethodsAsync(
        HttpContext http, LoginSessionService logins, SessionAuthorizer authorizer, MethodCatalog methods, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);
        LoginSessionAccess.RequireRight(authorizer, session, session.UserId);
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("methods");
            // api.md §9.5: the supported methods; the contract's others are known but not implemented yet.
            foreach (var method in methods.All.Where(m => m.IsImplemented))
            {
                w.WriteStartObject();
                w.WriteString("id", method.Id);
                w.WriteString("title", method.Title);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> EffectivePolicyAsync(
        HttpContext http, string userId, LoginSessionService logins, SessionAuthorizer authorizer, IConfigurationSource config,
        IPublicUrlSource publicUrl, MethodCatalog methods, CancellationToken ct)
    {
        using var request = await ApiRequest.ReadAsync(http);
        var session = await LoginSessionAccess.RequireAsync(request, logins, ct);
        LoginSessionAccess.RequireRight(authorizer, session, userId);
        var policies = config.Current.Policies;
        return JsonBodyResult.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("policy");
            foreach (var component in methods.PolicyComponents) EffectivePolicyJson.WriteComponent(w, component, policies, publicUrl.Current);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
