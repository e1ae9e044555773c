namespace OpenAaf.Core.Configuration.Bootstrap;

public enum EndpointAddOutcome { Added, NameConflict, IdConflict }
