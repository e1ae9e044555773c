using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Methods;

namespace OpenAaf.Core.Logon;

/// <summary>Builds <see cref="LogonResult"/>s from a process and the configuration it runs under.</summary>
internal static class LogonResults
{
    public static LogonResult Create(
        ConfigurationSnapshot config, LogonProcess process, EventDefinition @event, EnvelopeStatus status, Outcome outcome,
        MethodStep? step = null)
    {
        var chains = process.OfferedChains
            .Select(o => config.FindChain(o.ChainId) is { } c ? new ChainAtPosition(c, o.Position) : null)
            .OfType<ChainAtPosition>()
            .ToList();
        return new LogonResult
        {
            Status = status,
            Outcome = outcome,
            Process = process,
            Event = @event,
            Chains = chains,
            Categories = @event.AllCategories
                ? null
                : @event.Categories.Select(config.FindCategory).OfType<Category>().ToList(),
            FromDirectory = config.FindRepositoryById(process.User.RepositoryId) is { IsDirectory: true },
            CompletedTemplateId = status is EnvelopeStatus.Next or EnvelopeStatus.Ok ? process.CompletedTemplateId : null,
            Extras = step?.Extras ?? new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(),
        };
    }

    /// <summary>The event a process runs under; a process outlives a configuration change of its event's chains.</summary>
    public static EventDefinition EventOf(ConfigurationSnapshot config, LogonProcess process) =>
        process.IsTest
            ? LogonEngine.TestEvent(process)
            : config.FindEvent(process.EventName) ?? new EventDefinition { Id = "", Name = process.EventName };
}
