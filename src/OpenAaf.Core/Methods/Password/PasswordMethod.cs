using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Methods.Password;

/// <summary>PASSWORD:1 — a password kept by OpenAAF as an Argon2id hash (methods.md §3).</summary>
public sealed class PasswordMethod(PasswordHasher hasher) : IAuthenticationMethod
{
    public string Id => MethodIds.Password;

    public bool IsAutoCreatedFor(AuthenticatedUser user) => false;

    public async ValueTask<MethodStep> AnswerAsync(MethodContext context, MethodInput input, CancellationToken cancellationToken)
    {
        var answer = input.GetString("answer");
        if (answer is null) return new MethodStep.MoreData(Outcomes.AnswerRequired, null);

        // Argon2 is deliberately slow CPU work: keep it off the request thread's synchronous path.
        var match = await Task.Run(() => context.Templates.FirstOrDefault(t => Verifies(t, answer)), cancellationToken);
        if (match is null) return new MethodStep.Failed(Outcomes.PasswordWrong);

        var maxAge = context.Policies.PasswordMethod.PasswordMaxAge;
        if (maxAge > 0 && PasswordTemplateData.ChangedAt(match) is { } changed &&
            context.Time.GetUtcNow() - changed > TimeSpan.FromDays(maxAge))
            return new MethodStep.Failed(PasswordOutcomes.PasswordExpired);

        var rehashed = hasher.NeedsRehash(Encoding.UTF8.GetString(match.Secret))
            ? match with { Secret = Encoding.UTF8.GetBytes(hasher.Hash(answer)) }
            : null;
        return new MethodStep.Passed(match, rehashed);
    }

    private bool Verifies(Template template, string answer) =>
        answer.Length > 0 && hasher.Verify(answer, Encoding.UTF8.GetString(template.Secret));
}

/// <summary>The display data of a PASSWORD:1 template: <c>{"password_changed_at": "…"}</c>.</summary>
public static class PasswordTemplateData
{
    public static string For(DateTimeOffset changedAt) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["password_changed_at"] = WireTime.Format(changedAt) });

    public static DateTimeOffset? ChangedAt(Template template)
    {
        try
        {
            using var doc = JsonDocument.Parse(template.Data);
            return doc.RootElement.TryGetProperty("password_changed_at", out var value) &&
                   DateTime.TryParse(value.GetString(), CultureInfo.InvariantCulture,
                       DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
                ? new DateTimeOffset(parsed, TimeSpan.Zero)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
