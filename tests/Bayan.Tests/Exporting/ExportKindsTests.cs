using Bayan.Data;
using Bayan.Exporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Bayan.Tests.Exporting;

/// <summary>The list of kinds stays whole as the model grows, in an order an import can write back.</summary>
public sealed class ExportKindsTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_table_of_the_model_is_exported_or_said_not_to_be(string provider)
    {
        var model = ModelOf(provider);
        var listed = ExportKinds.All.Select(k => k.EntityIn(model)).ToHashSet();
        var forgotten = model.GetEntityTypes()
            .Where(e => !listed.Contains(e) && !ExportKinds.NotExported.ContainsKey(e.ClrType))
            .Select(e => e.DisplayName())
            .ToList();
        Assert.True(forgotten.Count == 0,
            $"Add these to ExportKinds.All (or to NotExported, with why): {string.Join(", ", forgotten)}");
        Assert.All(ExportKinds.NotExported.Keys, type => Assert.NotNull(model.FindEntityType(type)));
    }

    [Fact]
    public void Kinds_have_distinct_names_that_make_plain_file_names()
    {
        Assert.Equal(ExportKinds.All.Count, ExportKinds.All.Select(k => k.Name).Distinct().Count());
        Assert.All(ExportKinds.All, k => Assert.Matches("^[a-z]+(-[a-z]+)*$", k.Name));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_row_comes_after_the_rows_it_refers_to(string provider)
    {
        var model = ModelOf(provider);
        var position = ExportKinds.All.Select((k, i) => (Entity: k.EntityIn(model), i)).ToDictionary(p => p.Entity, p => p.i);
        foreach (var (entity, at) in position)
        {
            foreach (var key in entity.GetForeignKeys())
            {
                // A row that refers to a row of its own kind (a reply, a sub-category) is handled by the import.
                if (key.PrincipalEntityType == entity)
                    continue;
                Assert.True(position.TryGetValue(key.PrincipalEntityType, out var principal) && principal < at,
                    $"{entity.DisplayName()} refers to {key.PrincipalEntityType.DisplayName()}, which must be exported before it.");
            }
        }
    }

    [Fact]
    public void The_format_document_describes_every_kind_and_field()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "Bayan.slnx")))
            folder = folder.Parent!;
        var document = File.ReadAllText(Path.Combine(folder.FullName, "docs", "export-format.md"));
        var model = ModelOf("sqlite");
        foreach (var kind in ExportKinds.All)
        {
            var start = document.IndexOf($"### `{kind.Name}`\n", StringComparison.Ordinal);
            Assert.True(start >= 0, $"docs/export-format.md has no section for {kind.Name}");
            var end = document.IndexOf("\n#", start + 1, StringComparison.Ordinal);
            var section = document[start..(end < 0 ? document.Length : end)];
            foreach (var field in ExportTable.Of(kind, model).Fields)
                Assert.True(section.Contains($"| `{field.Name}` |", StringComparison.Ordinal), $"docs/export-format.md does not describe {kind.Name}.{field.Name}");
        }
    }

    private static IModel ModelOf(string provider)
    {
        if (provider == "postgres")
        {
            using var postgres = new PostgresBayanDb(new DbContextOptionsBuilder<PostgresBayanDb>().UseNpgsql("Host=127.0.0.1;Database=none").Options);
            return postgres.Model;
        }
        using var sqlite = new SqliteBayanDb(new DbContextOptionsBuilder<SqliteBayanDb>().UseSqlite("Data Source=:memory:").Options);
        return sqlite.Model;
    }
}
