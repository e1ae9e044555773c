using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Tests.Configuration.Fakes;

public sealed class InMemoryTemplateStore : ITemplateStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Template> _templates = [];

    public int Writes { get; private set; }

    public Task<IReadOnlyList<Template>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<Template>>(_templates.Values.Where(t => t.UserId == userId).ToList());
    }

    public Task<Template?> GetAsync(string templateId, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_templates.GetValueOrDefault(templateId));
    }

    public Task<bool> TryAddAsync(Template template, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_templates.Values.Any(t => t.UserId == template.UserId && t.MethodId == template.MethodId && t.CategoryId == template.CategoryId))
                return Task.FromResult(false);
            Writes++;
            _templates[template.Id] = template with { Version = 1 };
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryUpdateAsync(Template template, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_templates.TryGetValue(template.Id, out var stored) || stored.Version != expectedVersion) return Task.FromResult(false);
            Writes++;
            _templates[template.Id] = template with { Version = expectedVersion + 1 };
            return Task.FromResult(true);
        }
    }

    public Task<bool> DeleteAsync(string templateId, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_templates.Remove(templateId));
    }
}
