using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;

namespace OpenAaf.Core.Sessions;

/// <summary>
/// What a login session may do (api.md §4.6), from the scope of the event it was created for:
/// <c>self</c> manages its owner's data, <c>helpdesk</c> also other users' when the owner holds a
/// helpdesk role, <c>none</c> nothing beyond reading and ending itself.
/// </summary>
public sealed class SessionAuthorizer(IConfigurationSource configuration)
{
    public ManagementScope ScopeOf(LoginSession session) =>
        configuration.Current.FindEvent(session.EventName)?.Scope ?? ManagementScope.None;

    /// <summary>Null when the session may act on <paramref name="userId"/>'s data; else 403 ACCESS_DENIED.</summary>
    public Outcome? MayManage(LoginSession session, string userId)
    {
        var scope = ScopeOf(session);
        if (scope == ManagementScope.None) return Outcomes.AccessDenied;
        if (string.Equals(session.UserId, userId, StringComparison.OrdinalIgnoreCase)) return null;
        return scope == ManagementScope.Helpdesk && IsHelpdeskOperator(session) ? null : Outcomes.AccessDenied;
    }

    public bool IsHelpdeskOperator(LoginSession session) =>
        configuration.Current.Policies.Helpdesk.Roles.Any(r => session.Roles.Contains(r, StringComparer.OrdinalIgnoreCase));
}
