using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;

namespace OpenAaf.Core.Endpoints;

/// <param name="OwnerUserName"><c>REPO\name</c> of the endpoint owner, or null</param>
public sealed record NewEndpoint(string Name, int Typ, string Desc, bool IsTrusted, bool IsEnabled, string? OwnerUserName);

/// <summary>Registers and deletes endpoints (api.md §3.1–3.2), ending everything that hangs on a deleted one.</summary>
public sealed class EndpointService(
    IEndpointCatalog catalog,
    IConfigurationSource configuration,
    IEndpointSessionStore endpointSessions,
    ILogonProcessStore processes,
    ILoginSessionStore loginSessions,
    TimeProvider time)
{
    public async Task<(EndpointDefinition? Endpoint, Outcome? Error)> RegisterAsync(NewEndpoint request, CancellationToken cancellationToken)
    {
        var endpoint = new EndpointDefinition
        {
            Id = RandomIds.NewHexId(),
            Name = request.Name,
            Secret = RandomIds.NewToken(),
            Typ = request.Typ,
            Desc = request.Desc,
            IsTrusted = request.IsTrusted,
            IsEnabled = request.IsEnabled,
            OwnerUserName = request.OwnerUserName,
        };
        if (configuration.Current.Endpoints.Any(e => string.Equals(e.Name, request.Name, StringComparison.OrdinalIgnoreCase)) ||
            !await catalog.TryAddAsync(endpoint, cancellationToken))
            return (null, Outcomes.EndpointExists);
        return (endpoint, null);
    }

    public async Task<bool> DeleteAsync(string endpointId, CancellationToken cancellationToken)
    {
        if (configuration.Current.FindEndpoint(endpointId) is not { } endpoint) return false;
        if (!await catalog.DeleteAsync(endpoint.Id, cancellationToken)) return false;
        await endpointSessions.RemoveByEndpointAsync(endpoint.Id, cancellationToken);
        await processes.RemoveByEndpointAsync(endpoint.Id, cancellationToken);
        await loginSessions.EndByEndpointAsync(endpoint.Id, time.GetUtcNow(), cancellationToken);
        return true;
    }
}
