using System.Text.Json.Nodes;

namespace OpenAaf.Server.Configuration;

/// <summary>
/// The configuration used when none is given: SQLite under ./data, LOCAL\ADMIN (FULL ADMINS) with a
/// password chain on the events a first try needs, and one demo endpoint. The generated secrets are not
/// here: <see cref="DemoCredentials"/> adds them, created once and reused.
/// </summary>
internal static class EmbeddedDefault
{
    public const string AdminName = "ADMIN";
    public const string EndpointName = "demo";

    private const string Json = """
        {
          "storage": { "provider": "sqlite" },
          "bootstrap": {
            "repositories": [ { "name": "LOCAL", "type": "local" } ],
            "users": [ { "repository": "LOCAL", "name": "ADMIN", "groups": ["FULL ADMINS"] } ],
            "chains": [ { "name": "Password only", "methods": ["PASSWORD:1"] } ],
            "events": [
              { "name": "Default", "chains": ["Password only"] },
              { "name": "Authenticators Management", "chains": ["Password only"] },
              { "name": "Helpdesk", "chains": ["Password only"] }
            ],
            "endpoints": [ { "name": "demo", "desc": "Demo endpoint of the embedded default configuration", "trusted": true } ]
          }
        }
        """;

    public static JsonObject Create() => JsonNode.Parse(Json)!.AsObject();
}
