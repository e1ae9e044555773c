using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Templates;

/// <summary>
/// A user's templates (api.md §8): the list (with auto-created templates materialised), saving an
/// enroll process as a template, modifying and deleting. Authorisation is the caller's (the session
/// was checked against the user before).
/// </summary>
public sealed class TemplateService(
    ITemplateStore templates,
    IEnrollProcessStore processes,
    EnrollEngine enrollment,
    MethodRegistry methods,
    TemplateSelector selector,
    UserResolver users,
    SessionAuthorizer authorizer,
    TemplateSecrets secrets,
    IConfigurationSource configuration,
    TimeProvider time)
{
    public async Task<IReadOnlyList<Template>> ListAsync(AuthenticatedUser user, CancellationToken cancellationToken)
    {
        foreach (var method in methods.Ids.Select(methods.Find).OfType<IAuthenticationMethod>().Where(m => m.IsAutoCreatedFor(user)))
            await selector.UsableAsync(method, user, null, "", cancellationToken);
        return (await templates.ListAsync(user.UserId, cancellationToken)).OrderBy(t => t.Created).ToList();
    }

    /// <summary>Saves a finished enroll process as a new template of <paramref name="userId"/>; the template id, or the 4xx outcome.</summary>
    public async Task<(string? TemplateId, Outcome? Error)> CreateAsync(
        LoginSession session, string userId, string processId, string categoryId, string comment, CancellationToken cancellationToken)
    {
        var (process, error) = await FinishedProcessAsync(session, userId, processId, cancellationToken);
        if (process is null) return (null, error);
        if (categoryId.Length > 0 && configuration.Current.FindCategory(categoryId) is null) return (null, Outcomes.CategoryNotFound);

        var secret = secrets.Seal(process.UserId!, process.MethodId, process.Result!.Secret);
        var existing = (await templates.ListAsync(process.UserId!, cancellationToken))
            .FirstOrDefault(t => t.MethodId == process.MethodId && t.CategoryId == categoryId);
        if (existing is not null)
        {
            // Auto-created methods are idempotent here (api.md §8.2): the process result replaces the data. A new
            // secret brings its own counters, so the logon state of the old one goes with it.
            if (!existing.AutoCreated) return (null, Outcomes.MethodExistsInCategory);
            var replaced = existing with
            {
                Data = process.Result.Data, Secret = secret, LogonState = null, Comment = comment.Length > 0 ? comment : existing.Comment,
            };
            if (!await templates.TryUpdateAsync(replaced, existing.Version, cancellationToken)) return (null, Outcomes.ProcessBusy);
            await processes.RemoveAsync(process.Id, cancellationToken);
            return (existing.Id, null);
        }

        var template = new Template
        {
            Id = RandomIds.NewHexId(), UserId = process.UserId!, MethodId = process.MethodId, CategoryId = categoryId,
            Comment = comment, Data = process.Result.Data, Secret = secret, Created = time.GetUtcNow(),
        };
        if (!await templates.TryAddAsync(template, cancellationToken)) return (null, Outcomes.MethodExistsInCategory);
        await processes.RemoveAsync(process.Id, cancellationToken);
        return (template.Id, null);
    }

    /// <summary>Changes the comment and/or replaces the data with a finished enroll process (api.md §8.3).</summary>
    public async Task<Outcome?> ModifyAsync(
        LoginSession session, Template template, string? comment, string? processId, CancellationToken cancellationToken)
    {
        var changed = comment is null ? template : template with { Comment = comment };
        EnrollProcess? process = null;
        if (processId is not null)
        {
            if (configuration.Current.Policies.Templates.DisableReenrollment && authorizer.ScopeOf(session) == ManagementScope.Self)
                return Outcomes.ReenrollmentDisabled;
            (process, var error) = await FinishedProcessAsync(session, template.UserId, processId, cancellationToken);
            if (process is null) return error;
            if (process.MethodId != template.MethodId) return Outcomes.EnrollProcessMismatch;
            // The enrolled payload carries the counters of the new secret (a HOTP resynchronisation's counter, a
            // key's registration count); the logon state of the old secret must not override them.
            changed = changed with
            {
                Data = process.Result!.Data, Secret = secrets.Seal(template.UserId, template.MethodId, process.Result.Secret),
                LogonState = null, AutoCreated = false,
            };
        }
        if (!await templates.TryUpdateAsync(changed, template.Version, cancellationToken)) return Outcomes.ProcessBusy;
        if (process is not null) await processes.RemoveAsync(process.Id, cancellationToken);
        return null;
    }

    public async Task<Template?> FindAsync(string userId, string templateId, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(templateId, cancellationToken);
        return template is not null && string.Equals(template.UserId, userId, StringComparison.OrdinalIgnoreCase) ? template : null;
    }

    public Task<bool> DeleteAsync(Template template, CancellationToken cancellationToken) => templates.DeleteAsync(template.Id, cancellationToken);

    public Task<AuthenticatedUser?> FindUserAsync(string userId, CancellationToken cancellationToken) =>
        users.FindByIdAsync(userId, cancellationToken).AsTask();

    private async Task<(EnrollProcess? Process, Outcome? Error)> FinishedProcessAsync(
        LoginSession session, string userId, string processId, CancellationToken cancellationToken)
    {
        var process = await enrollment.FindAsync(processId, session, cancellationToken);
        if (process is null) return (null, Outcomes.EnrollProcessNotFound);
        if (process.Result is null) return (null, Outcomes.EnrollNotComplete);
        if (enrollment.TryBind(process, session, userId, out var bound) is { } refused) return (null, refused);
        return (bound, null);
    }
}
