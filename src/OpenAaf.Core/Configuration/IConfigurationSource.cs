namespace OpenAaf.Core.Configuration;

/// <summary>Hands out the current configuration snapshot; changes are atomic swaps.</summary>
public interface IConfigurationSource
{
    ConfigurationSnapshot Current { get; }
}
