using Microsoft.Data.Sqlite;
using OpenAaf.Core.Templates;

namespace OpenAaf.Storage.Sqlite;

internal sealed class SqliteTemplateStore(SqliteDatabase database) : ITemplateStore
{
    private const string Columns = "id, user_id, method_id, category_id, comment, data, secret, auto_created, created, version, logon_state";

    public Task<IReadOnlyList<Template>> ListAsync(string userId, CancellationToken cancellationToken) =>
        database.ReadAsync(userId, static (link, userId) =>
        {
            using var reader = link.Command($"SELECT {Columns} FROM template WHERE user_id = $user ORDER BY created, id")
                .With("$user", userId).ExecuteReader();
            var templates = new List<Template>();
            while (reader.Read())
            {
                templates.Add(Read(reader));
            }
            return (IReadOnlyList<Template>)templates;
        }, cancellationToken).AsTask();

    public Task<Template?> GetAsync(string templateId, CancellationToken cancellationToken) =>
        database.ReadAsync(templateId, static (link, id) =>
        {
            using var reader = link.Command($"SELECT {Columns} FROM template WHERE id = $id").With("$id", id).ExecuteReader();
            return reader.Read() ? Read(reader) : null;
        }, cancellationToken).AsTask();

    /// <summary>False when the user has a template for the method in the category already (or the id is taken).</summary>
    public Task<bool> TryAddAsync(Template template, CancellationToken cancellationToken) =>
        database.WriteAsync(template, static (link, t) =>
            link.Command(
                    $"INSERT INTO template ({Columns}) VALUES ($id, $user, $method, $category, $comment, $data, $secret, $auto, $created, $version, $state) " +
                    "ON CONFLICT DO NOTHING")
                .With("$id", t.Id).With("$user", t.UserId).With("$method", t.MethodId).With("$category", t.CategoryId)
                .With("$comment", t.Comment).With("$data", t.Data).With("$secret", t.Secret).With("$auto", t.AutoCreated ? 1 : 0)
                .With("$created", SqliteTime.ToMicros(t.Created)).With("$version", t.Version).With("$state", t.LogonState)
                .ExecuteNonQuery() == 1, cancellationToken).AsTask();

    /// <summary>
    /// Compare-and-set: replaces category, comment, data, secret, AutoCreated and LogonState when the stored version is
    /// <paramref name="expectedVersion"/>; the stored version becomes expectedVersion + 1 (template.Version is ignored).
    /// Id, user, method and creation time never change: false when they do not match, when the version moved on,
    /// or when the new category would give the user a second template of the method there.
    /// </summary>
    public Task<bool> TryUpdateAsync(Template template, long expectedVersion, CancellationToken cancellationToken) =>
        database.WriteAsync((template, expectedVersion), static (link, s) =>
        {
            var t = s.template;
            try
            {
                return link.Command(
                        "UPDATE template SET category_id = $category, comment = $comment, data = $data, secret = $secret, " +
                        "auto_created = $auto, logon_state = $state, version = $expected + 1 " +
                        "WHERE id = $id AND user_id = $user AND method_id = $method AND version = $expected")
                    .With("$id", t.Id).With("$user", t.UserId).With("$method", t.MethodId).With("$category", t.CategoryId)
                    .With("$comment", t.Comment).With("$data", t.Data).With("$secret", t.Secret).With("$auto", t.AutoCreated ? 1 : 0)
                    .With("$state", t.LogonState).With("$expected", s.expectedVersion)
                    .ExecuteNonQuery() == 1;
            }
            catch (SqliteException e) when (e.IsUniqueViolation())
            {
                return false;
            }
        }, cancellationToken).AsTask();

    public Task<bool> DeleteAsync(string templateId, CancellationToken cancellationToken) =>
        database.WriteAsync(templateId, static (link, id) =>
            link.Command("DELETE FROM template WHERE id = $id").With("$id", id).ExecuteNonQuery() > 0, cancellationToken).AsTask();

    private static Template Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        UserId = reader.GetString(1),
        MethodId = reader.GetString(2),
        CategoryId = reader.GetString(3),
        Comment = reader.GetString(4),
        Data = reader.GetString(5),
        Secret = reader.IsDBNull(6) ? [] : reader.GetFieldValue<byte[]>(6),
        AutoCreated = reader.GetInt64(7) != 0,
        Created = SqliteTime.FromMicros(reader.GetInt64(8)),
        Version = reader.GetInt64(9),
        LogonState = reader.GetNullableString(10),
    };
}
