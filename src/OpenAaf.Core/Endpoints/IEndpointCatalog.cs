using OpenAaf.Core.Configuration;

namespace OpenAaf.Core.Endpoints;

/// <summary>Durable registration of endpoints; changes are visible in the next configuration snapshot.</summary>
public interface IEndpointCatalog
{
    /// <summary>False when an endpoint of that name exists in the tenant.</summary>
    Task<bool> TryAddAsync(EndpointDefinition endpoint, CancellationToken cancellationToken);

    /// <summary>False when there is no endpoint with this id.</summary>
    Task<bool> DeleteAsync(string endpointId, CancellationToken cancellationToken);
}
