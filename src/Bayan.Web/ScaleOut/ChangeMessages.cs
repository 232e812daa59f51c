using System.Collections.Frozen;
using System.Text.Json;
using Bayan.Changes;

namespace Bayan.Web.ScaleOut;

/// <summary>
/// A content change as a Redis message: the sending node, the kind of change (the name of its
/// <see cref="ContentChange"/> record) and the record as JSON. A kind this version does not know
/// (a newer node's) is read as "everything changed", which is never wrong, only slower.
/// </summary>
internal static class ChangeMessages
{
    private static readonly FrozenDictionary<string, Type> Kinds = typeof(ContentChange).GetNestedTypes()
        .Where(t => t.IsSubclassOf(typeof(ContentChange)))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    private sealed record Envelope(string Node, string Kind, JsonElement Change);

    public static string Write(string node, ContentChange change) =>
        JsonSerializer.Serialize(new Envelope(node, change.GetType().Name, JsonSerializer.SerializeToElement(change, change.GetType())));

    /// <summary>The change and the node that sent it; null for a message that is not one.</summary>
    public static (string Node, ContentChange Change)? Read(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(text);
            if (envelope is null)
                return null;
            var change = Kinds.TryGetValue(envelope.Kind, out var type)
                ? envelope.Change.Deserialize(type) as ContentChange
                : null;
            return (envelope.Node, change ?? new ContentChange.Everything($"a change of kind {envelope.Kind}"));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
