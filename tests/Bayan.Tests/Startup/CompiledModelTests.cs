using Bayan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Bayan.Tests.Startup;

/// <summary>
/// Bayan starts on a compiled model (src/Bayan/Data/CompiledModels) instead of building the model from
/// BayanDb.OnModelCreating at every start. A compiled model that no longer matches the code would read
/// and write the wrong columns, so a change to an entity or to OnModelCreating must fail here until the
/// compiled models are generated again (README.md, "Test it").
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate =
        "The compiled model is out of date with the entities; regenerate it as README.md says (dotnet ef dbcontext optimize).";

    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Bayan_runs_on_the_compiled_model(string provider)
    {
        using var db = Create(provider);

        Assert.Equal(CompiledModelNamespace(provider), db.Model.GetType().Namespace);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_has_the_keys_relations_and_indexes_of_the_code(string provider)
    {
        using var db = Create(provider);
        var (compiled, described) = (db.Model, DescribedModel(db));

        Assert.True(Shape(described).SequenceEqual(Shape(compiled)), Regenerate);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_has_the_tables_columns_and_conversions_of_the_code(string provider)
    {
        using var db = Create(provider);
        var (compiled, described) = (db.Model, DescribedModel(db));

        Assert.True(Columns(described).SequenceEqual(Columns(compiled)), Regenerate);
    }

    /// <summary>The model as the code describes it: what `dotnet ef` builds from OnModelCreating, never the compiled one.</summary>
    private static IModel DescribedModel(BayanDb db) => db.GetService<IDesignTimeModel>().Model;

    /// <summary>
    /// Each entity's key, relations, navigations and indexes, read from the metadata alone (a debug
    /// string of the whole model also shows what running queries added to the shared compiled model).
    /// </summary>
    private static IEnumerable<string> Shape(IModel model) =>
        from entity in model.GetEntityTypes()
        from line in new[] { $"{entity.Name} key {Names(entity.FindPrimaryKey()?.Properties)}" }
            .Concat(entity.GetForeignKeys().Select(fk => $"{entity.Name} foreign key {Names(fk.Properties)} -> {fk.PrincipalEntityType.Name} {fk.DeleteBehavior} {fk.IsRequired}"))
            .Concat(entity.GetNavigations().Select(n => $"{entity.Name} navigation {n.Name}"))
            .Concat(entity.GetSkipNavigations().Select(n => $"{entity.Name} skip navigation {n.Name}"))
            .Concat(entity.GetIndexes().Select(i => $"{entity.Name} index {Names(i.Properties)} {(i.IsUnique ? "unique" : "")}"))
        orderby line
        select line;

    private static string Names(IEnumerable<IReadOnlyProperty>? properties) => string.Join(",", properties?.Select(p => p.Name) ?? []);

    /// <summary>Each column as the database sees it, and how a value of the entity is converted to it.</summary>
    private static IEnumerable<string> Columns(IModel model) =>
        from table in model.GetRelationalModel().Tables
        from column in table.Columns
        from mapping in column.PropertyMappings
        orderby table.Name, column.Name, mapping.Property.DeclaringType.Name
        select $"{table.Name}.{column.Name} {column.StoreType} {(column.IsNullable ? "null" : "not null")} " +
            $"<- {mapping.Property.DeclaringType.Name}.{mapping.Property.Name} " +
            $"{mapping.Property.GetValueConverter()?.GetType().FullName} {mapping.Property.GetValueComparer().GetType().Name}";

    // No database is opened: building a context and reading its model needs none.
    private static BayanDb Create(string provider)
    {
        if (provider == "postgres")
        {
            var postgres = new DbContextOptionsBuilder<PostgresBayanDb>();
            postgres.UsePostgres("Host=127.0.0.1;Database=unused");
            return new PostgresBayanDb(postgres.Options);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteBayanDb>();
        sqlite.UseBayanSqlite("Data Source=:memory:");
        return new SqliteBayanDb(sqlite.Options);
    }

    private static string CompiledModelNamespace(string provider) =>
        provider == "postgres" ? "Bayan.Data.CompiledModels.Postgres" : "Bayan.Data.CompiledModels.Sqlite";
}
