namespace OpenAaf.Server.Hosting;

/// <summary>
/// Headers on every reply, whoever writes it (handlers, error envelopes, status-code pages): <c>nosniff</c>
/// everywhere, and <c>Cache-Control: no-store</c> on every /api/v1 reply. Nearly every API reply carries a secret,
/// a session or process id, logon state or user data, and the rest are errors nobody needs cached; one rule for
/// the whole API cannot be forgotten by the next route.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private static readonly PathString Api = "/api/v1";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (http.Request.Path.StartsWithSegments(Api)) http.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
