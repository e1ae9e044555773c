using OpenAaf.Core.Templates;

namespace OpenAaf.Core.Tests.Fakes;

/// <summary>
/// A template store that, once armed, holds every template listing until <c>parties</c> requests have read:
/// so parallel logons all see the same template version and race on the compare-and-set, deterministically.
/// </summary>
public sealed class RendezvousTemplateStore(ITemplateStore inner) : ITemplateStore
{
    private int _parties;
    private int _arrived;
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Arm(int parties) => _parties = parties;

    public async Task<IReadOnlyList<Template>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var list = await inner.ListAsync(userId, cancellationToken);
        if (_parties == 0) return list;
        if (Interlocked.Increment(ref _arrived) >= _parties) _all.TrySetResult();
        await _all.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        return list;
    }

    public Task<Template?> GetAsync(string templateId, CancellationToken cancellationToken) => inner.GetAsync(templateId, cancellationToken);

    public Task<bool> TryAddAsync(Template template, CancellationToken cancellationToken) => inner.TryAddAsync(template, cancellationToken);

    public Task<bool> TryUpdateAsync(Template template, long expectedVersion, CancellationToken cancellationToken) =>
        inner.TryUpdateAsync(template, expectedVersion, cancellationToken);

    public Task<bool> DeleteAsync(string templateId, CancellationToken cancellationToken) => inner.DeleteAsync(templateId, cancellationToken);
}
