using System.Text.Json;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;

namespace OpenAaf.Server.Api.Enrollment;

/// <summary>The enroll envelope of api.md §7.2.</summary>
public static class EnrollEnvelope
{
    public static void Write(Utf8JsonWriter w, EnrollReply reply)
    {
        w.WriteStartObject();
        w.WriteString("status", EnvelopeStatusText.Of(reply.Status));
        w.WriteString("msg", reply.Message ?? reply.Outcome.Message);
        w.WriteString("msgid", reply.Outcome.MsgId);
        w.WriteString("reason", reply.Outcome.Reason);
        w.WriteString("method_id", reply.MethodId);
        foreach (var (key, value) in reply.Extras)
        {
            w.WritePropertyName(key);
            if (value is null) w.WriteNullValue();
            else value.WriteTo(w);
        }
        w.WriteEndObject();
    }
}
