namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>The <see cref="StoredConfigObject.Kind"/> values written by <see cref="ConfigurationService"/>.</summary>
public static class ConfigObjectKinds
{
    public const string Repository = "repository";
    public const string Chain = "chain";
    public const string Event = "event";
    public const string Category = "category";
    public const string Endpoint = "endpoint";
    public const string Policy = "policy";
}
