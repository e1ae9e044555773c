using OpenAaf.Core.Configuration;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Templates;

/// <summary>
/// The templates a logon step may use (methods.md §1.4): the user's templates of the method in the
/// categories the event allows, narrowed to the requested category. Auto-created methods get their
/// template materialised here, the first time it is needed (methods.md §1.2).
/// </summary>
public sealed class TemplateSelector(ITemplateStore templates, TimeProvider time)
{
    public const string AutoCreatedComment = "Auto-created";

    public async Task<IReadOnlyList<Template>> UsableAsync(
        IAuthenticationMethod method, AuthenticatedUser user, EventDefinition? @event, string categoryId,
        CancellationToken cancellationToken)
    {
        var all = await templates.ListAsync(user.UserId, cancellationToken);
        var ofMethod = all.Where(t => t.MethodId == method.Id).ToList();
        if (method.IsAutoCreatedFor(user) && !ofMethod.Any(t => t.CategoryId.Length == 0))
            ofMethod.Add(await MaterialiseAsync(method, user, cancellationToken));
        return ofMethod.Where(t => Allowed(t.CategoryId, @event, categoryId)).ToList();
    }

    private static bool Allowed(string templateCategory, EventDefinition? @event, string requestedCategory)
    {
        if (requestedCategory.Length > 0 && templateCategory != requestedCategory) return false;
        return @event is null || @event.AllCategories || templateCategory.Length == 0 ||
               @event.Categories.Contains(templateCategory, StringComparer.Ordinal);
    }

    private async Task<Template> MaterialiseAsync(IAuthenticationMethod method, AuthenticatedUser user, CancellationToken cancellationToken)
    {
        var template = new Template
        {
            Id = Security.RandomIds.NewHexId(),
            UserId = user.UserId,
            MethodId = method.Id,
            Comment = AutoCreatedComment,
            AutoCreated = true,
            Created = time.GetUtcNow(),
        };
        if (await templates.TryAddAsync(template, cancellationToken)) return template;
        // Another request created it first: use theirs, so every reply names the same template id.
        var existing = await templates.ListAsync(user.UserId, cancellationToken);
        return existing.First(t => t.MethodId == method.Id && t.CategoryId.Length == 0);
    }
}
