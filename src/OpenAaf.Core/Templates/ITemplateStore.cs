namespace OpenAaf.Core.Templates;

public interface ITemplateStore
{
    Task<IReadOnlyList<Template>> ListAsync(string userId, CancellationToken cancellationToken);

    Task<Template?> GetAsync(string templateId, CancellationToken cancellationToken);

    /// <summary>Adds a template; false when the user already has one for this method in this category.</summary>
    Task<bool> TryAddAsync(Template template, CancellationToken cancellationToken);

    /// <summary>Replaces the template if its stored version is still <paramref name="expectedVersion"/>; the stored version becomes expectedVersion + 1.</summary>
    Task<bool> TryUpdateAsync(Template template, long expectedVersion, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string templateId, CancellationToken cancellationToken);
}
