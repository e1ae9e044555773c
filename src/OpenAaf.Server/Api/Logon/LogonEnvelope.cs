using System.Text.Json;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Policies;

namespace OpenAaf.Server.Api.Logon;

/// <summary>
/// The only place that turns a <see cref="LogonResult"/> into the logon envelope of api.md §5.7, with
/// every key of the seed samples in their order, null and empty values included.
/// </summary>
public static class LogonEnvelope
{
    private const string ScoreKey = "score";

    public static void Write(Utf8JsonWriter w, LogonResult r, PolicySet policies, MethodCatalog methods)
    {
        var p = r.Process;
        w.WriteStartObject();
        if (r.Extras.TryGetValue(ScoreKey, out var score) && r.Status != EnvelopeStatus.MoreData)
        {
            w.WritePropertyName(ScoreKey);
            WriteNode(w, score);
        }
        if (r.Status == EnvelopeStatus.MoreData && methods.Find(p.CurrentMethod)?.LogonHints is { } hints)
        {
            w.WritePropertyName("logon_hints");
            hints(w, policies);
        }
        w.WriteString("status", EnvelopeStatusText.Of(r.Status));
        w.WriteString("msg", r.Outcome.Message);
        w.WriteBoolean("linked_logon", r.CompletedChain?.Chain.RequiredChainId is not null);
        if (r.Status != EnvelopeStatus.Next) w.WriteString("reason", r.Outcome.Reason);
        if (r.Status == EnvelopeStatus.Ok) WriteStringOrNull(w, "completed_template_id", r.CompletedTemplateId);
        w.WriteStartArray("plugins");
        if (r.FromDirectory && (p.CompletedMethods.Count > 0)) w.WriteStringValue("LdapRules");
        w.WriteEndArray();
        // A template test (api.md §8.5) creates no login session: none of the session keys.
        var createsSession = r.Status == EnvelopeStatus.Ok && !p.IsTest;
        if (createsSession)
        {
            w.WriteString("login_session_id", r.LoginSessionId);
            w.WritePropertyName("completed_chain");
            ChainJson.Write(w, r.CompletedChain!.Chain, r.CompletedChain.Position);
        }
        if (r.HasIdentity) IdentityJson.Write(w, p.User);
        w.WriteString("msgid", r.Outcome.MsgId);
        w.WriteStartArray("chains");
        foreach (var chain in r.Chains) ChainJson.Write(w, chain.Chain, chain.Position);
        w.WriteEndArray();
        WriteCategories(w, r);
        w.WriteString("current_method", p.CurrentMethod);
        w.WriteStartArray("completed_methods");
        foreach (var method in p.CompletedMethods) w.WriteStringValue(method);
        w.WriteEndArray();
        w.WriteString("logon_process_id", p.Id);
        w.WriteString("event_name", r.Event.Name);
        w.WriteString("event_type", r.Event.Type);
        w.WriteBoolean("event_all_categories", r.Event.AllCategories);
        w.WriteString("event_data_id", r.Event.DataId);
        w.WriteString("data_id", r.Event.DataId);
        w.WriteString("category_id", p.CategoryId);
        w.WriteString("current_category_id", p.CurrentCategoryId);
        if (r.Status == EnvelopeStatus.Next)
        {
            w.WriteString("reason", r.Outcome.Reason);
            WriteStringOrNull(w, "completed_template_id", r.CompletedTemplateId);
        }
        if (createsSession)
        {
            w.WriteString("risk_level", "NONE");
            w.WriteNull("risk_score");
        }
        if (r.Status is EnvelopeStatus.MoreData or EnvelopeStatus.Failed)
        {
            foreach (var (key, value) in r.Extras)
            {
                if (key == ScoreKey) continue;
                w.WritePropertyName(key);
                WriteNode(w, value);
            }
        }
        w.WriteEndObject();
    }

    private static void WriteCategories(Utf8JsonWriter w, LogonResult r)
    {
        if (r.Categories is null)
        {
            w.WriteNull("categories");
            return;
        }
        w.WriteStartArray("categories");
        foreach (var c in r.Categories)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("name", c.Name);
            w.WriteString("desc", c.Desc);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void WriteNode(Utf8JsonWriter w, System.Text.Json.Nodes.JsonNode? node)
    {
        if (node is null) w.WriteNullValue();
        else node.WriteTo(w);
    }
}
