namespace OpenAaf.Core.Configuration;

public sealed record Tenant(string Id, string Name)
{
    public const string DefaultId = "def0def0def0def0def0def0def0def0";
    public const string DefaultName = "TOP";
    public static readonly Tenant Default = new(DefaultId, DefaultName);
}
