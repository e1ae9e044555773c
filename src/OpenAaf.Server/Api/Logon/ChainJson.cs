using System.Text.Json;
using OpenAaf.Core.Configuration;

namespace OpenAaf.Server.Api.Logon;

/// <summary>The chain object of api.md §4.4, keys in seed order.</summary>
public static class ChainJson
{
    public static void Write(Utf8JsonWriter w, ChainDefinition chain, int position)
    {
        w.WriteStartObject();
        w.WriteString("id_hex", chain.Id);
        w.WriteString("tenant_id", chain.TenantId);
        w.WriteNull("is_trusted");
        w.WriteBoolean("is_enabled", chain.Enabled);
        w.WriteString("name", chain.Name);
        w.WriteString("short_name", chain.ShortName);
        w.WriteStartArray("methods");
        foreach (var method in chain.Methods) w.WriteStringValue(method);
        w.WriteEndArray();
        w.WriteNumber("position", position);
        w.WriteBoolean("apply_for_ep_owner", chain.ApplyForEndpointOwner);
        w.WriteString("image_name", chain.ImageName);
        if (chain.RequiredChainId is { } required) w.WriteString("required_chain_id_hex", required);
        else w.WriteNull("required_chain_id_hex");
        if (chain.GracePeriodHours is { } grace) w.WriteNumber("grace_period", grace);
        else w.WriteNull("grace_period");
        w.WriteStartArray("mfa_tags");
        w.WriteEndArray();
        w.WriteString("risk_level", chain.RiskLevel);
        w.WriteEndObject();
    }
}
