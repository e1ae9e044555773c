namespace OpenAaf.Server.Tests.Support;

/// <summary>Builds a configuration object and changes it in one expression.</summary>
internal static class JsonObjectExtensions
{
    public static System.Text.Json.Nodes.JsonObject Also(this System.Text.Json.Nodes.JsonObject o, Action<System.Text.Json.Nodes.JsonObject> change)
    {
        change(o);
        return o;
    }
}
