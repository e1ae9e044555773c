using OpenAaf.Core.Configuration;

namespace OpenAaf.Server.Configuration;

/// <summary>Reads <c>bootstrap.categories</c>; categories are bound by their id, the <c>category_id</c> clients see.</summary>
internal static class CategoriesReader
{
    public static List<Category> Read(ConfigObject bootstrap)
    {
        var ids = new UniqueKeys(bootstrap.Errors, "category id", StringComparer.Ordinal);
        var list = new List<Category>();
        foreach (var category in bootstrap.Objects("categories"))
        {
            var id = category.String("id", required: true);
            if (id is { Length: 0 }) category.Errors.Add(category.PathOf("id"), "the default category \"\" is implicit and is never declared");
            ids.Check(id, category.PathOf("id"));
            var name = category.String("name") ?? "";
            var desc = category.String("desc") ?? "";
            category.RefuseUnknownKeys();
            if (id is { Length: > 0 }) list.Add(new Category(id, name, desc));
        }
        return list;
    }
}
