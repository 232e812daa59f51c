using System.Text.Encodings.Web;
using System.Text.Json;

namespace Bayan.Feeds;

/// <summary>JSON Feed 1.1: version, title and items, each with an id and content_html; dates in RFC 3339.</summary>
public static class JsonFeed
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    // A feed document is never embedded in a page, so markup characters may stay as they are.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static byte[] Write(Feed feed)
    {
        using var bytes = new MemoryStream();
        using (var json = new Utf8JsonWriter(bytes, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", FeedText.Clean(feed.Title));
            json.WriteString("home_page_url", feed.HomeUrl);
            json.WriteString("feed_url", feed.Urls.Json);
            json.WriteString("description", FeedText.Clean(feed.Description));
            json.WriteString("language", feed.Language);
            Authors(json, feed.Author);
            json.WriteStartArray("items");
            foreach (var item in feed.Items)
                Item(json, item, feed.Language);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return bytes.ToArray();
    }

    private static void Item(Utf8JsonWriter json, FeedItem item, string language)
    {
        json.WriteStartObject();
        json.WriteString("id", item.Id);
        json.WriteString("url", item.Url);
        json.WriteString("title", FeedText.Clean(item.Title));
        json.WriteString("content_html", FeedText.Clean(item.ContentHtml));
        if (item.Summary.Length > 0)
            json.WriteString("summary", FeedText.Clean(item.Summary));
        if (item.Image is not null)
            json.WriteString("image", item.Image);
        json.WriteString("date_published", FeedText.Rfc3339(item.Published));
        json.WriteString("date_modified", FeedText.Rfc3339(item.Updated));
        Authors(json, item.Author);
        if (item.Categories.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var category in item.Categories)
                json.WriteStringValue(FeedText.Clean(category));
            json.WriteEndArray();
        }
        json.WriteString("language", language);
        if (item.ReferenceNumber is { } number)
        {
            // Extensions are objects whose names start with an underscore (JSON Feed 1.1, "Extensions").
            json.WriteStartObject("_bayan");
            json.WriteString("reference_number", FeedText.Clean(number));
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void Authors(Utf8JsonWriter json, FeedAuthor author)
    {
        json.WriteStartArray("authors");
        json.WriteStartObject();
        json.WriteString("name", FeedText.Clean(author.Name));
        if (author.Url is not null)
            json.WriteString("url", author.Url);
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
