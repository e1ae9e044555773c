// Core's configuration source shares its name with Microsoft.Extensions.Configuration's; in the host, ours is meant.
global using IConfigurationSource = OpenAaf.Core.Configuration.IConfigurationSource;
