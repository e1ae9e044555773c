namespace OpenAaf.Server.Http;

/// <summary>One validation problem: where (body, querystring, url), which field (dotted), what is wrong.</summary>
public sealed record FieldError(string Location, string Name, string Description);
