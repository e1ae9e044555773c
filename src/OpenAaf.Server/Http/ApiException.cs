using OpenAaf.Core.Catalogue;

namespace OpenAaf.Server.Http;

/// <summary>
/// A request that must be answered with the error envelope (api.md §2). Thrown only from the request
/// reading layer, where unwinding out of nested parsing is the simplest honest control flow; handlers
/// return their outcomes as values.
/// </summary>
public sealed class ApiException(Outcome outcome, IReadOnlyList<FieldError>? fields = null, string? description = null)
    : Exception(outcome.ToString())
{
    public Outcome Outcome { get; } = outcome;
    public IReadOnlyList<FieldError> Fields { get; } = fields ?? [];
    public string? Description { get; } = description;
}
