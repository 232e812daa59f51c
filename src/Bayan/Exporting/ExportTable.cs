using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bayan.Exporting;

/// <summary>
/// A kind of row as the database holds it: its table, and each field with its column, read and written through the
/// database provider's own type mapping, so a value means the same on SQLite and on PostgreSQL. Fields are named
/// after the model's properties in camelCase (a property "OfficeId" is the field "officeId"), the key's first, then
/// the others in ordinal order of their names: the same on every database.
/// </summary>
internal sealed class ExportTable
{
    private ExportTable(ExportKind kind, string table, IReadOnlyList<ExportField> fields, IReadOnlyList<ExportField> key)
    {
        Kind = kind;
        Table = table;
        Fields = fields;
        Key = key;
    }

    public ExportKind Kind { get; }
    public string Table { get; }
    public IReadOnlyList<ExportField> Fields { get; }
    public IReadOnlyList<ExportField> Key { get; }

    public static ExportTable Of(ExportKind kind, IModel model)
    {
        var entity = kind.EntityIn(model);
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} has no table.");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var keyProperties = entity.FindPrimaryKey()!.Properties;
        var fields = keyProperties
            .Concat(entity.GetProperties().Where(p => !keyProperties.Contains(p)).OrderBy(p => p.Name, StringComparer.Ordinal))
            .Select(p => new ExportField(p, p.GetColumnName(store)!, kind.Secrets.Contains(p.Name)))
            .ToList();
        return new ExportTable(kind, table, fields, fields.Take(keyProperties.Count).ToList());
    }
}

/// <summary>One field of a kind: a property of the model, its column and its values' types.</summary>
internal sealed class ExportField
{
    private static readonly ConcurrentDictionary<Type, Func<DbDataReader, int, object>> Readers = new();

    public ExportField(IProperty property, string column, bool secret)
    {
        Property = property;
        Column = column;
        Secret = secret;
        Name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
        Mapping = (RelationalTypeMapping)property.GetTypeMapping();
        ModelType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        ProviderType = Nullable.GetUnderlyingType(Mapping.Converter?.ProviderClrType ?? ModelType) ?? Mapping.Converter?.ProviderClrType ?? ModelType;
        IsNullable = property.IsNullable;
    }

    public IProperty Property { get; }
    public string Name { get; }
    public string Column { get; }
    public bool Secret { get; }
    public bool IsNullable { get; }
    public RelationalTypeMapping Mapping { get; }

    /// <summary>The type the model gives the value (an enum, a DateTime), without Nullable.</summary>
    public Type ModelType { get; }

    /// <summary>The type the database keeps it as (an enum's name, a string).</summary>
    public Type ProviderType { get; }

    public bool IsText => ProviderType == typeof(string);

    /// <summary>The column's value as the model has it; null for NULL.</summary>
    public object? Read(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
            return null;
        var stored = Readers.GetOrAdd(ProviderType, MakeReader)(reader, ordinal);
        return Mapping.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
    }

    /// <summary>A parameter that writes the model's value to the column, as the provider writes it.</summary>
    public DbParameter Parameter(DbCommand command, string name, object? value) =>
        Mapping.CreateParameter(command, name, value, IsNullable);

    // reader.GetFieldValue<T> lets each provider read its own storage (SQLite keeps times and Guids as text).
    private static Func<DbDataReader, int, object> MakeReader(Type type)
    {
        var method = typeof(ExportField).GetMethod(nameof(ReadAs), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
        return method.CreateDelegate<Func<DbDataReader, int, object>>();
    }

    private static object ReadAs<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;
}
