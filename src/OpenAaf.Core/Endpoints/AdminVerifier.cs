using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Endpoints;

/// <param name="MethodId">PASSWORD:1 or LDAP_PASSWORD:1</param>
public sealed record AdminCredentials(string? MethodId, string? UserName, string? Password);

/// <summary>
/// Checks the administrator credentials of <c>auth_data</c> (api.md §3.1) as one step of their method.
/// Wrong credentials count toward lockout; a locked user is refused without verification.
/// </summary>
public sealed class AdminVerifier(
    UserResolver users, MethodRegistry methods, TemplateSelector templates, LockoutService lockout,
    Configuration.IConfigurationSource configuration, TimeProvider time)
{
    /// <summary>Null when the credentials belong to a FULL ADMINS member; else the 401/403 outcome.</summary>
    public async Task<Outcome?> VerifyAsync(AdminCredentials credentials, CancellationToken cancellationToken)
    {
        var methodId = credentials.MethodId ?? MethodIds.Password;
        if (methodId is not (MethodIds.Password or MethodIds.LdapPassword) || methods.Find(methodId) is not { } method ||
            string.IsNullOrEmpty(credentials.UserName) || string.IsNullOrEmpty(credentials.Password))
            return Outcomes.AdminAuthFailed;

        var resolution = await users.ResolveAsync(credentials.UserName, cancellationToken);
        if (resolution.User is not { } user) return Outcomes.AdminAuthFailed;
        var config = configuration.Current;
        var policy = config.Policies.Lockout;
        if (await lockout.IsLockedAsync(user.UserId, policy, cancellationToken)) return Outcomes.AdminAuthFailed;

        var usable = await templates.UsableAsync(method, user, null, "", cancellationToken);
        if (usable.Count == 0) return Outcomes.AdminAuthFailed;
        // The same attempt limit as a logon: no more than failed_attempts checks under way or failed before the lock.
        if (await lockout.TryBeginAttemptAsync(user.UserId, policy, cancellationToken) is not { } attempt) return Outcomes.AdminAuthFailed;
        var context = new MethodContext { User = user, Templates = usable, Configuration = config, Time = time };
        var input = new MethodInput(System.Text.Json.JsonSerializer.SerializeToElement(
            new Dictionary<string, string> { ["answer"] = credentials.Password }));
        MethodStep step;
        try
        {
            step = await method.AnswerAsync(context, input, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await lockout.AbandonAttemptAsync(attempt, CancellationToken.None);
            throw;
        }
        catch (Directories.DirectoryUnavailableException)
        {
            await lockout.EndAttemptAsync(attempt, null, CancellationToken.None);
            throw;
        }
        await lockout.EndAttemptAsync(attempt, (step as MethodStep.Failed)?.Outcome, CancellationToken.None);
        if (step is MethodStep.Failed) return Outcomes.AdminAuthFailed;
        if (step is not MethodStep.Passed) return Outcomes.AdminAuthFailed;
        return user.Roles.Contains(Roles.FullAdmins, StringComparer.OrdinalIgnoreCase) ? null : Outcomes.AccessDenied;
    }
}
