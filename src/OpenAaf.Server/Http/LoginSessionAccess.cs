using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Sessions;

namespace OpenAaf.Server.Http;

/// <summary>The login session of a user-scoped call (api.md §6): <c>login_session_id</c> from body or query; 434 otherwise.</summary>
public static class LoginSessionAccess
{
    public static async Task<LoginSession> RequireAsync(ApiRequest request, LoginSessionService sessions, CancellationToken cancellationToken)
    {
        var id = request.String("login_session_id", required: true);
        request.ThrowIfInvalid();
        var (session, error) = await sessions.UseAsync(id, cancellationToken);
        return session ?? throw new ApiException(error!);
    }

    /// <summary>403 unless the session may act on the user's data (api.md §4.6).</summary>
    public static void RequireRight(SessionAuthorizer authorizer, LoginSession session, string userId)
    {
        if (authorizer.MayManage(session, userId) is { } denied) throw new ApiException(denied);
    }
}
