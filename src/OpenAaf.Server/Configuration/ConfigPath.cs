namespace OpenAaf.Server.Configuration;

/// <summary>Builds the JSON paths used in error messages.</summary>
internal static class ConfigPath
{
    public static string Key(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
