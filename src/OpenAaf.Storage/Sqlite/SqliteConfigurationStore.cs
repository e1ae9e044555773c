using Microsoft.Data.Sqlite;
using OpenAaf.Core.Configuration;

namespace OpenAaf.Storage.Sqlite;

internal sealed class SqliteConfigurationStore(SqliteDatabase database) : IConfigurationStore
{
    public Task<IReadOnlyList<StoredConfigObject>> LoadAllAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(0, static (link, _) =>
        {
            using var reader = link.Command("SELECT kind, id, name, json FROM config_object ORDER BY kind, id").ExecuteReader();
            var items = new List<StoredConfigObject>();
            while (reader.Read())
            {
                items.Add(new StoredConfigObject(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
            return (IReadOnlyList<StoredConfigObject>)items;
        }, cancellationToken).AsTask();

    /// <summary>Inserts or replaces by (kind, id).</summary>
    /// <exception cref="InvalidOperationException">another object of the kind already has this name (case-insensitive)</exception>
    public Task UpsertAsync(StoredConfigObject item, CancellationToken cancellationToken) =>
        database.WriteAsync(item, static (link, item) =>
        {
            try
            {
                return link.Command(
                        "INSERT INTO config_object (kind, id, name, name_key, json) VALUES ($kind, $id, $name, $key, $json) " +
                        "ON CONFLICT (kind, id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, json = excluded.json")
                    .With("$kind", item.Kind).With("$id", item.Id).With("$name", item.Name)
                    .With("$key", NameKey.Of(item.Name)).With("$json", item.Json)
                    .ExecuteNonQuery();
            }
            catch (SqliteException e) when (e.IsUniqueViolation())
            {
                throw new InvalidOperationException($"Another {item.Kind} is already named '{item.Name}'.", e);
            }
        }, cancellationToken).AsTask();

    public Task<bool> DeleteAsync(string kind, string id, CancellationToken cancellationToken) =>
        database.WriteAsync((kind, id), static (link, key) =>
            link.Command("DELETE FROM config_object WHERE kind = $kind AND id = $id")
                .With("$kind", key.kind).With("$id", key.id).ExecuteNonQuery() > 0, cancellationToken).AsTask();
}
