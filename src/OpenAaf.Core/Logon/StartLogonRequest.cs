using OpenAaf.Core.Sessions;

namespace OpenAaf.Core.Logon;

/// <summary>The validated input of <c>POST /logon</c>.</summary>
public sealed record StartLogonRequest(
    EndpointSession EndpointSession, string UserName, string? MethodId, string? EventName, string? CategoryId);
