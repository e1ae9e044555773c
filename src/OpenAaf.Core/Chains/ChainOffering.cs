using OpenAaf.Core.Configuration;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Chains;

/// <summary>Which chains of an event a user is offered, and the rules that follow from them (api.md §5.9).</summary>
public static class ChainOffering
{
    /// <summary>
    /// The event's chains in priority order that pass the filters, each keeping its position in the
    /// full list. Not filtered by the requested method nor by what the user has enrolled.
    /// </summary>
    public static IReadOnlyList<OfferedChain> Offer(
        ConfigurationSnapshot config, EventDefinition @event, AuthenticatedUser user, EndpointDefinition? endpoint)
    {
        var offered = new List<OfferedChain>();
        for (var position = 0; position < @event.ChainIds.Count; position++)
        {
            if (config.FindChain(@event.ChainIds[position]) is not { } chain) continue;
            if (IsUsableBy(chain, user, endpoint)) offered.Add(new OfferedChain(chain.Id, position));
        }
        return offered;
    }

    /// <summary>Filters 1–3 (enabled, groups, endpoint owner) and the linked-chain filter.</summary>
    public static bool IsUsableBy(ChainDefinition chain, AuthenticatedUser user, EndpointDefinition? endpoint)
    {
        if (!chain.Enabled) return false;
        if (chain.Groups.Count > 0 && !chain.Groups.Any(g => Roles.IsMember(user.Account, g))) return false;
        if (chain.ApplyForEndpointOwner &&
            !string.Equals(endpoint?.OwnerUserName, user.UserName, StringComparison.OrdinalIgnoreCase)) return false;
        // Linked chains need a record of completed high-assurance chains, which v1 does not keep yet:
        // they are never offered rather than offered without their grace-period check.
        return chain.RequiredChainId is null;
    }

    /// <summary>
    /// Rule M: <paramref name="method"/> may start when it is not completed and some offered chain
    /// holds it together with every completed method (in order, when the policy enforces order).
    /// </summary>
    public static bool MayStart(
        ConfigurationSnapshot config, IReadOnlyList<OfferedChain> offered, IReadOnlyList<string> completed,
        string method, bool enforceOrder)
    {
        if (completed.Contains(method)) return false;
        foreach (var chain in Chains(config, offered))
        {
            if (enforceOrder)
            {
                if (chain.Methods.Count > completed.Count && chain.Methods.Take(completed.Count).SequenceEqual(completed) &&
                    chain.Methods[completed.Count] == method) return true;
            }
            else if (chain.Methods.Contains(method) && completed.All(chain.Methods.Contains))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The chain a logon completes with, if any: among offered chains whose methods are all completed,
    /// the one with the most methods, ties to the lowest position.
    /// </summary>
    public static (ChainDefinition Chain, int Position)? Completed(
        ConfigurationSnapshot config, IReadOnlyList<OfferedChain> offered, IReadOnlyList<string> completed)
    {
        (ChainDefinition Chain, int Position)? best = null;
        foreach (var entry in offered)
        {
            if (config.FindChain(entry.ChainId) is not { } chain || !chain.Methods.All(completed.Contains)) continue;
            if (best is null || chain.Methods.Count > best.Value.Chain.Methods.Count) best = (chain, entry.Position);
        }
        return best;
    }

    /// <summary>The first method of the first offered chain: the default when a logon names none.</summary>
    public static string? FirstMethod(ConfigurationSnapshot config, IReadOnlyList<OfferedChain> offered) =>
        Chains(config, offered).FirstOrDefault()?.Methods.FirstOrDefault();

    private static IEnumerable<ChainDefinition> Chains(ConfigurationSnapshot config, IReadOnlyList<OfferedChain> offered) =>
        offered.Select(o => config.FindChain(o.ChainId)).OfType<ChainDefinition>();
}
