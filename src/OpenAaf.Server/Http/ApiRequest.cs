using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;

namespace OpenAaf.Server.Http;

/// <summary>
/// A parsed request (api.md §1.3): the JSON body (or an equivalent form body), the query string, and
/// tolerant, type-checked field access that collects every validation problem before failing.
/// </summary>
public sealed class ApiRequest : IDisposable
{
    public const int DefaultBodyLimit = 256 * 1024;
    public const int LargeBodyLimit = 4 * 1024 * 1024;
    public const int MaxStringLength = 4096;
    private const int MaxDepth = 32;

    private readonly JsonDocument? _document;
    private readonly IQueryCollection _query;
    private readonly bool _readBody;
    private readonly List<FieldError> _errors = [];

    private ApiRequest(JsonDocument? document, IQueryCollection query, bool readBody)
    {
        _document = document;
        _query = query;
        _readBody = readBody;
    }

    /// <summary>The body object; default (Undefined) when the body was empty, <c>null</c> or <c>{}</c>-equivalent.</summary>
    public JsonElement Body => _document?.RootElement is { ValueKind: JsonValueKind.Object } root ? root : default;

    public static async Task<ApiRequest> ReadAsync(HttpContext context, int bodyLimit = DefaultBodyLimit, bool formAllowed = false)
    {
        var request = context.Request;
        // Hostile text is refused here, once, so that no handler or method ever reads a string that is not text.
        var problems = PercentEncodedText.QueryProblems(request.QueryString.Value);
        var readBody = !HttpMethods.IsGet(request.Method);
        if (!readBody)
        {
            ThrowIfAny(problems);
            return new ApiRequest(null, request.Query, false);
        }
        if (request.ContentLength > bodyLimit) throw new ApiException(Outcomes.RequestTooLarge);
        var bytes = await ReadBodyAsync(request.Body, bodyLimit, context.RequestAborted);
        var document = ParseBody(bytes, formAllowed && IsForm(request.ContentType, bytes), problems);
        if (problems.Count > 0)
        {
            document?.Dispose();
            ThrowIfAny(problems);
        }
        return new ApiRequest(document, request.Query, true);
    }

    /// <summary>A session or process id: body first, then query string (api.md §1.3 rule 5).</summary>
    public string? Id(string name) => String(name, required: false);

    public string? String(string name, bool required = false, int maxLength = MaxStringLength)
    {
        if (TryBody(name, out var value))
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    var text = value.GetString()!;
                    if (text.Length > maxLength) return Fail(name, "body", "String is too long");
                    return text;
                case JsonValueKind.Number:
                    return value.GetRawText();
                default:
                    return Fail(name, "body", "Must be a string");
            }
        }
        if (TryQuery(name, out var q))
        {
            if (q.Length > maxLength) return Fail(name, "querystring", "String is too long");
            return q;
        }
        if (required) Fail(name, _readBody ? "body" : "querystring", "Required");
        return null;
    }

    public bool? Bool(string name)
    {
        if (TryBody(name, out var value))
        {
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
            if (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var b)) return b;
            Fail(name, "body", "Must be a boolean");
            return null;
        }
        if (TryQuery(name, out var q))
        {
            if (bool.TryParse(q, out var b)) return b;
            Fail(name, "querystring", "Must be a boolean");
        }
        return null;
    }

    public int? Int(string name)
    {
        if (TryBody(name, out var value))
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n)) return n;
            if (value.ValueKind == JsonValueKind.String &&
                int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s)) return s;
            Fail(name, "body", "Must be an integer");
            return null;
        }
        if (TryQuery(name, out var q))
        {
            if (int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var s)) return s;
            Fail(name, "querystring", "Must be an integer");
        }
        return null;
    }

    /// <summary>An object field (method payloads); a value of another type is a validation error.</summary>
    public JsonElement? Object(string name)
    {
        if (!TryBody(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Object) return value;
        Fail(name, "body", "Must be an object");
        return null;
    }

    /// <summary>Records a problem found by the caller's own check (pattern, range).</summary>
    public void Invalid(string name, string description) => Fail(name, _readBody ? "body" : "querystring", description);

    /// <summary>Throws the 400 envelope listing every problem, if there were any.</summary>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0) throw new ApiException(Outcomes.ValidationError, _errors.ToList());
    }

    public void Dispose() => _document?.Dispose();

    private bool TryBody(string name, out JsonElement value)
    {
        value = default;
        return _readBody && Body.ValueKind == JsonValueKind.Object && JsonKeys.TryGet(Body, name, out value);
    }

    private bool TryQuery(string name, out string value)
    {
        value = "";
        StringValues found = default;
        if (!_query.TryGetValue(name, out found))
        {
            var wanted = JsonKeys.Normalize(name);
            foreach (var (key, values) in _query)
            {
                if (JsonKeys.Normalize(key) != wanted) continue;
                found = values;
                break;
            }
        }
        if (found.Count == 0) return false;
        value = found[0] ?? "";
        return true;
    }

    private string? Fail(string name, string location, string description)
    {
        _errors.Add(new FieldError(location, name, description));
        return null;
    }

    private static async Task<byte[]> ReadBodyAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var read = await body.ReadAsync(memory, cancellationToken);
            if (read == 0) break;
            buffer.Advance(read);
            if (buffer.WrittenCount > limit) throw new ApiException(Outcomes.RequestTooLarge);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A form body is recognised by its content type, unless it is plainly JSON (curl labels JSON as a form).</summary>
    private static bool IsForm(string? contentType, byte[] bytes) =>
        contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true && !LooksLikeJson(bytes);

    private static bool LooksLikeJson(byte[] bytes) =>
        bytes.SkipWhile(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n').FirstOrDefault() is (byte)'{' or (byte)'n';

    private static bool IsWhitespace(byte[] bytes) => bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    /// <summary>The body as a JSON document (null when empty); its problems are added to <paramref name="problems"/>.</summary>
    private static JsonDocument? ParseBody(byte[] bytes, bool isForm, List<FieldError> problems)
    {
        if (isForm)
        {
            var fields = PercentEncodedText.Parse(bytes, "body", problems);
            // Note: a repeated key keeps all its values, comma-joined, as ASP.NET Core's form reader does.
            var json = JsonSerializer.SerializeToUtf8Bytes(fields.GroupBy(f => f.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => string.Join(',', g.Select(f => f.Value)), StringComparer.Ordinal));
            return JsonDocument.Parse(json);
        }
        if (bytes.Length == 0 || IsWhitespace(bytes)) return null;
        // RFC 8259 §8.1: JSON text is UTF-8. Bytes that are not (invalid, overlong, encoded surrogates) are not JSON.
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) throw MalformedJson();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            throw MalformedJson();
        }
        if (document.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            document.Dispose();
            throw new ApiException(Outcomes.ValidationError, [new FieldError("body", "body", "Must be an object")]);
        }
        problems.AddRange(JsonTextCheck.Problems(bytes, MaxDepth));
        return document;
    }

    private static ApiException MalformedJson() =>
        new(Outcomes.MalformedJson, [new FieldError("body", "body", Outcomes.MalformedJson.Message)]);

    private static void ThrowIfAny(List<FieldError> problems)
    {
        if (problems.Count > 0) throw new ApiException(Outcomes.ValidationError, problems);
    }
}
