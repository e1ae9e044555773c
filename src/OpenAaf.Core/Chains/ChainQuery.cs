using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Chains;

public sealed record UserChains(IReadOnlyList<ChainAtPosition> Chains, bool UserIsLocked);

/// <summary>The chains a user would be offered for an event, and whether they are locked (api.md §5.6).</summary>
public sealed class ChainQuery(IConfigurationSource configuration, UserResolver users, LockoutService lockout)
{
    public async Task<(UserChains? Chains, Outcome? Error)> ForUserAsync(
        EndpointSession session, string userName, string? eventName, CancellationToken cancellationToken)
    {
        var config = configuration.Current;
        var @event = config.FindEvent(string.IsNullOrEmpty(eventName) ? config.Policies.Login.DefaultEvent : eventName);
        if (@event is null) return (null, Outcomes.EventNotFound);
        var resolution = await users.ResolveAsync(userName, cancellationToken);
        if (resolution.User is not { } user) return (null, resolution.Error);
        var offered = ChainOffering.Offer(config, @event, user, config.FindEndpoint(session.EndpointId));
        var chains = offered
            .Select(o => config.FindChain(o.ChainId) is { } c ? new ChainAtPosition(c, o.Position) : null)
            .OfType<ChainAtPosition>()
            .ToList();
        return (new UserChains(chains, await lockout.IsLockedAsync(user.UserId, config.Policies.Lockout, cancellationToken)), null);
    }
}
