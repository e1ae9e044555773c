using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OpenAaf.Core.Catalogue;
using OpenAaf.Server.Http;

namespace OpenAaf.Server.Tests.Http;

/// <summary>
/// The HTTP status of every catalogue entry's error envelope, pinned to api.md §11: the codes marked with an
/// HTTP status in §11.2, §11.3, §11.5 and §11.6 answer it; every other entry travels in a 200 envelope.
/// </summary>
public sealed class OutcomeStatusTests
{
    /// <summary>api.md §11, the rows with an HTTP status (AUCORE-1056 is 400 except on the routes that say 404).</summary>
    private static readonly Dictionary<string, int> Documented = new(StringComparer.Ordinal)
    {
        ["AUCORE-1001"] = 444, ["AUCORE-1015"] = 400, ["AUCORE-1056"] = 400, ["AUCORE-1063"] = 433,
        ["AUCORE-1066"] = 434, ["AUCORE-1067"] = 434, ["AUCORE-3047"] = 409,
        ["OAAF-1101"] = 400, ["OAAF-1102"] = 400, ["OAAF-1103"] = 401, ["OAAF-1104"] = 401, ["OAAF-1105"] = 403,
        ["OAAF-1106"] = 404, ["OAAF-1107"] = 400, ["OAAF-1108"] = 400, ["OAAF-1109"] = 400, ["OAAF-1110"] = 400,
        ["OAAF-1111"] = 400, ["OAAF-1112"] = 400, ["OAAF-1113"] = 400, ["OAAF-1114"] = 409, ["OAAF-1115"] = 503,
        ["OAAF-1116"] = 503, ["OAAF-1117"] = 500, ["OAAF-1118"] = 413, ["OAAF-1119"] = 429, ["OAAF-1120"] = 405,
        ["OAAF-1121"] = 503, ["OAAF-1122"] = 400,
        ["OAAF-3125"] = 403,
        ["OAAF-4102"] = 404, ["OAAF-4103"] = 400, ["OAAF-4104"] = 404, ["OAAF-4106"] = 403, ["OAAF-4107"] = 409,
        ["OAAF-4108"] = 400, ["OAAF-4109"] = 403,
    };

    /// <summary>Every catalogue entry Core defines, wherever it is declared (the shared catalogue or a method's folder).</summary>
    public static TheoryData<string> Catalogue()
    {
        var data = new TheoryData<string>();
        foreach (var outcome in AllOutcomes().DistinctBy(o => o.MsgId)) data.Add(outcome.MsgId);
        return data;
    }

    [Theory]
    [MemberData(nameof(Catalogue))]
    public async Task ErrorEnvelope_AnswersTheDocumentedStatus(string msgId)
    {
        foreach (var outcome in AllOutcomes().Where(o => o.MsgId == msgId))
        {
            var (status, reply) = await ExecuteAsync(ErrorEnvelope.Result(outcome));

            Assert.Equal(Documented.GetValueOrDefault(msgId, 200), status);
            Assert.Equal(msgId, reply.GetProperty("errors")[0].GetProperty("msgid").GetString());
        }
    }

    [Fact]
    public void EveryDocumentedStatus_BelongsToACatalogueEntry()
    {
        var known = AllOutcomes().Select(o => o.MsgId).ToHashSet(StringComparer.Ordinal);

        Assert.All(Documented.Keys, id => Assert.Contains(id, known));
    }

    [Fact]
    public void MsgIds_AreUniqueAcrossTheCatalogue()
    {
        var duplicates = AllOutcomes().Distinct().GroupBy(o => o.MsgId).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    private static IEnumerable<Outcome> AllOutcomes() =>
        typeof(Outcome).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(Outcome))
            .Select(f => (Outcome)f.GetValue(null)!);

    private static async Task<(int Status, JsonElement Body)> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, JsonDocument.Parse(body.ToArray()).RootElement.Clone());
    }
}
