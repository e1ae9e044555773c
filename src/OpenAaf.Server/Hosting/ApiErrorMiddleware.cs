using System.Text.Json;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Directories;
using OpenAaf.Server.Http;

namespace OpenAaf.Server.Hosting;

/// <summary>
/// Turns what escapes a handler into the error envelope: request problems into their 4xx, outages into
/// 503, and anything else into a bare 500 without details (the details go to the log only).
/// </summary>
public sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ApiException e) when (!context.Response.HasStarted)
        {
            await ErrorEnvelope.From(e).ExecuteAsync(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var outcome = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? Outcomes.RequestTooLarge : Outcomes.MalformedJson;
            await ErrorEnvelope.Result(outcome).ExecuteAsync(context);
        }
        catch (DirectoryUnavailableException e) when (!context.Response.HasStarted)
        {
            logger.DirectoryUnavailable(e.Message);
            await ErrorEnvelope.Result(Outcomes.RepositoryUnavailable).ExecuteAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            logger.UnhandledError(e, context.Request.Method, context.Request.Path.Value ?? "");
            await ErrorEnvelope.Result(Outcomes.InternalError).ExecuteAsync(context);
        }
    }

    /// <summary>Routing answers unknown paths and wrong verbs without a body; give them the envelope.</summary>
    public static async Task WriteStatusCodeEnvelopeAsync(Microsoft.AspNetCore.Diagnostics.StatusCodeContext status)
    {
        var outcome = status.HttpContext.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => Outcomes.NotFound,
            StatusCodes.Status405MethodNotAllowed => Outcomes.MethodNotAllowed,
            StatusCodes.Status413PayloadTooLarge => Outcomes.RequestTooLarge,
            _ => null,
        };
        if (outcome is not null) await ErrorEnvelope.Result(outcome).ExecuteAsync(status.HttpContext);
    }
}

