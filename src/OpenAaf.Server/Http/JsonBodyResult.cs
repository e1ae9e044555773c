using System.Text.Json;

namespace OpenAaf.Server.Http;

/// <summary>
/// A reply written straight to the response with <see cref="Utf8JsonWriter"/>: key order exactly as the
/// seed samples, no reflection, and always a JSON body (api.md §1.1).
/// </summary>
public sealed class JsonBodyResult(int statusCode, Action<Utf8JsonWriter> write, int? retryAfterSeconds = null) : IResult
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Ok(Action<Utf8JsonWriter> write) => new JsonBodyResult(200, write);

    /// <summary>Calls that return nothing answer the four bytes <c>null</c>: clients parse every reply.</summary>
    public static readonly IResult Null = new JsonBodyResult(200, w => w.WriteNullValue());

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        if (retryAfterSeconds is { } retry) response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, Options))
        {
            write(writer);
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
