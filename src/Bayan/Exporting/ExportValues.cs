using System.Globalization;
using System.Text.Json;

namespace Bayan.Exporting;

/// <summary>
/// How a value is written in an export, and read back: the same text whichever database it came from.
/// Times are UTC with six decimals (PostgreSQL keeps microseconds; SQLite's finer ticks are cut to them),
/// dates "yyyy-MM-dd", Guids in lower case, enums by name, the rest as JSON has them.
/// </summary>
internal static class ExportValues
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case short s: json.WriteNumberValue(s); break;
            case double d: json.WriteNumberValue(d); break;
            case decimal m: json.WriteNumberValue(m); break;
            case bool b: json.WriteBooleanValue(b); break;
            case DateTime t: json.WriteStringValue(Time(t)); break;
            case DateTimeOffset t: json.WriteStringValue(Time(t.UtcDateTime)); break;
            case DateOnly d: json.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case Guid g: json.WriteStringValue(g.ToString("D")); break;
            case Enum e: json.WriteStringValue(e.ToString()); break;
            case byte[] bytes: json.WriteBase64StringValue(bytes); break;
            default: throw new NotSupportedException($"An export cannot write a {value.GetType().Name}.");
        }
    }

    /// <summary>A field's value in the model's type; a FormatException names what is wrong.</summary>
    public static object? Read(JsonElement element, Type type)
    {
        if (element.ValueKind == JsonValueKind.Null)
            return null;
        if (type == typeof(string))
            return element.GetString();
        if (type == typeof(int))
            return element.GetInt32();
        if (type == typeof(long))
            return element.GetInt64();
        if (type == typeof(short))
            return element.GetInt16();
        if (type == typeof(double))
            return element.GetDouble();
        if (type == typeof(decimal))
            return element.GetDecimal();
        if (type == typeof(bool))
            return element.GetBoolean();
        if (type == typeof(DateTime))
            return ParseTime(element.GetString()!);
        if (type == typeof(DateTimeOffset))
            return new DateTimeOffset(ParseTime(element.GetString()!));
        if (type == typeof(DateOnly))
            return DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (type == typeof(Guid))
            return Guid.ParseExact(element.GetString()!, "D");
        if (type.IsEnum)
            return Enum.Parse(type, element.GetString()!, ignoreCase: false);
        if (type == typeof(byte[]))
            return element.GetBytesFromBase64();
        throw new NotSupportedException($"An export cannot read a {type.Name}.");
    }

    private static string Time(DateTime t)
    {
        // Bayan writes UTC everywhere; a time read without its kind is UTC too.
        var utc = t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc);
        return new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc).ToString(TimeFormat, CultureInfo.InvariantCulture);
    }

    private static DateTime ParseTime(string text) =>
        DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
