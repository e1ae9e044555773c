using System.Text.Json;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>The non-secret display data of a U2F:1 template: <c>{"app_id": "…"}</c> (methods.md §9).</summary>
internal static class U2fTemplateData
{
    public static string For(string appId) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["app_id"] = appId });
}
