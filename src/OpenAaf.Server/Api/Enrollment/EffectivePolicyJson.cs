using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAaf.Core.Policies;

namespace OpenAaf.Server.Api.Enrollment;

/// <summary>One component of <c>effective_policy</c> (api.md §9.2); write-only secrets are shown as null.</summary>
public static class EffectivePolicyJson
{
    public static void WriteComponent(Utf8JsonWriter w, PolicyComponent component, PolicySet policies, string publicUrl)
    {
        var value = component.Get(policies);
        var data = JsonSerializer.SerializeToNode(value, component.Type, PolicyJson.Options)!.AsObject();
        foreach (var property in component.Type.GetProperties().Where(p => p.GetCustomAttribute<SecretAttribute>() is not null))
            data[PolicyJson.Options.PropertyNamingPolicy!.ConvertName(property.Name)] = null;
        w.WriteStartObject(component.Id);
        w.WriteString("component_id", component.Id);
        w.WritePropertyName("data");
        data.WriteTo(w);
        w.WriteBoolean("forced", false);
        w.WriteBoolean("hidden", false);
        if (component.ShowsPublicUrl)
        {
            w.WriteStartObject("public_url");
            w.WriteStartObject("site_urls");
            w.WriteString("", publicUrl);
            w.WriteEndObject();
            w.WriteString("site_url_current", publicUrl);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
