using System.Security.Cryptography;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Bayan.Tests.Importing;

/// <summary>
/// A regional media office's Joomla 3 + K2 site: an Arabic item with image, caption, credits, extra fields, tags,
/// attachments (one file missing) and comments of both states; an older English item by another author; items that
/// are unpublished, trashed, expired, scheduled, for registered readers only, in a language the site lacks, and one
/// in "*" (all languages) written in Arabic under a category that can become an office. Category aliases end with
/// the test's own tag, as two imports into one site would otherwise share their categories.
/// </summary>
internal static class K2Fixture
{
    public const string ArabicTitle = "افتتاح مركز صحي في الحي الشمالي";
    public const string EnglishTitle = "Ministry publishes its annual report";
    public const string NorthTitle = "جولة ميدانية في عيادات الشمال";
    public const string Caption = "واجهة المركز من الشارع الرئيسي";
    public const string Credits = "تصوير: وزارة الصحة";

    /// <summary>Fills the database; <paramref name="englishTitle"/> changes the English item (a later run's source).</summary>
    public static async Task FillAsync(K2Database db, string tag, string englishTitle = EnglishTitle)
    {
        await db.InsertAsync("users", User(42, "أمينة الكاتبة", "amina"));
        await db.InsertAsync("users", User(43, "John Writer", "john"));
        await db.InsertAsync("k2_extra_fields", Field(1, "Source"));
        await db.InsertAsync("k2_extra_fields", Field(2, "reference_number"));
        await db.InsertAsync("k2_categories", Category(1, "أخبار", $"news-{tag}", 0, "ar-AA"));
        await db.InsertAsync("k2_categories", Category(2, "صحة", $"health-{tag}", 1, "*"));
        await db.InsertAsync("k2_categories", Category(3, "Reports", $"reports-{tag}", 0, "en-GB"));
        await db.InsertAsync("k2_categories", Category(4, "المكتب الشمالي", $"north-{tag}", 0, "ar-AA"));
        await db.InsertAsync("k2_categories", Category(5, "عيادات الشمال", $"clinics-{tag}", 4, "*"));
        await db.InsertAsync("k2_tags", new Dictionary<string, object?> { ["id"] = 1, ["name"] = "عيادات", ["published"] = 1 });
        await db.InsertAsync("k2_tags", new Dictionary<string, object?> { ["id"] = 2, ["name"] = "hidden-tag", ["published"] = 0 });

        await db.InsertAsync("k2_items", Item(10, ArabicTitle, "health-centre-opens", 2,
            "<p>أعلنت الوزارة اليوم افتتاح <strong>مركز صحي</strong> جديد.</p>",
            "<p>يخدم المركز سكان الحي الشمالي كله.</p>\n<p>{loadposition banner}</p>",
            featured: 1, extra: """[{"id":"1","value":"وكالة الأنباء"},{"id":"2","value":"AR-2023-77"}]""",
            caption: Caption, credits: Credits, metadesc: "مركز جديد يخدم الحي"));
        await db.InsertAsync("k2_items", Item(11, englishTitle, "annual-report", 3, "<p>The annual report is out.</p>",
            "<h2>Figures</h2><ul><li>Clinics: 12</li></ul>", publishUp: "2023-10-01 06:00:00", language: "en-GB", createdBy: 43,
            extra: """[{"id":"2","value":"AR-2023-12"}]"""));
        await db.InsertAsync("k2_items", Item(12, "مسودة لم تنشر", "draft", 1, "<p>نص المسودة</p>", published: 0));
        await db.InsertAsync("k2_items", Item(13, "خبر محذوف", "trashed", 1, "<p>نص محذوف</p>", trash: 1));
        await db.InsertAsync("k2_items", Item(14, "خبر منتهي", "expired", 1, "<p>انتهى نشره</p>", publishDown: "2024-01-01 00:00:00"));
        await db.InsertAsync("k2_items", Item(15, "خبر مجدول", "scheduled", 1, "<p>سينشر لاحقا</p>", publishUp: "2031-01-01 06:00:00"));
        await db.InsertAsync("k2_items", Item(16, "خبر للأعضاء", "members", 1, "<p>للأعضاء فقط</p>", access: 2));
        await db.InsertAsync("k2_items", Item(17, NorthTitle, "north-tour", 5, "<p>زار الوفد عيادات الشمال.</p>",
            publishUp: "2023-12-01 08:00:00", language: "*", createdByAlias: "مراسل الشمال"));
        await db.InsertAsync("k2_items", Item(18, "Visite du ministre", "visite", 3, "<p>Le ministre a visité le centre.</p>", language: "fr-FR"));

        await db.InsertAsync("k2_tags_xref", new Dictionary<string, object?> { ["tagID"] = 1, ["itemID"] = 10 });
        await db.InsertAsync("k2_tags_xref", new Dictionary<string, object?> { ["tagID"] = 2, ["itemID"] = 10 });
        await db.InsertAsync("k2_comments", Comment(100, 10, "قارئ كريم", "شكرا <b>للوزارة</b>", published: 1));
        await db.InsertAsync("k2_comments", Comment(101, 10, "Reader", "Waiting for moderation", published: 0));
        await db.InsertAsync("k2_comments", Comment(102, 11, "Visitor", "Good news", published: 1));
        await db.InsertAsync("k2_attachments", Attachment(200, 10, "report.pdf", "التقرير الكامل"));
        await db.InsertAsync("k2_attachments", Attachment(201, 10, "missing.pdf", "ملف مفقود"));
    }

    /// <summary>A copy of media/k2: item 10's image (under K2's name for it) and one of its two attachments.</summary>
    public static string Images()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bayan-tests", "k2-media-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "items", "src"));
        Directory.CreateDirectory(Path.Combine(folder, "attachments"));
        using (var image = new Image<Rgba32>(400, 300, new Rgba32(30, 120, 90)))
            image.SaveAsJpeg(Path.Combine(folder, "items", "src", ImageName(10) + ".jpg"));
        File.WriteAllText(Path.Combine(folder, "attachments", "report.pdf"), "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        return folder;
    }

    /// <summary>K2 names an item's image by the MD5 of "Image" and the item's id.</summary>
    public static string ImageName(int itemId) => Convert.ToHexStringLower(MD5.HashData(Encoding.ASCII.GetBytes("Image" + itemId)));

    public static Dictionary<string, object?> Item(
        int id, string title, string alias, int category, string intro, string full = "", int published = 1, int trash = 0,
        int access = 1, int featured = 0, string publishUp = "2023-11-04 07:00:00", string publishDown = "0000-00-00 00:00:00",
        string language = "ar-AA", string? extra = null, string caption = "", string credits = "", string metadesc = "",
        int createdBy = 42, string createdByAlias = "") => new()
    {
        ["id"] = id, ["title"] = title, ["alias"] = alias, ["catid"] = category, ["published"] = published,
        ["introtext"] = intro, ["fulltext"] = full, ["extra_fields"] = extra ?? "[]", ["extra_fields_search"] = "",
        ["created"] = publishUp, ["created_by"] = createdBy, ["created_by_alias"] = createdByAlias,
        ["checked_out"] = 0, ["checked_out_time"] = "0000-00-00 00:00:00", ["modified"] = publishUp, ["publish_up"] = publishUp,
        ["publish_down"] = publishDown, ["trash"] = trash, ["access"] = access, ["featured"] = featured,
        ["image_caption"] = caption, ["image_credits"] = credits, ["video_caption"] = "", ["video_credits"] = "", ["hits"] = 0,
        ["params"] = "{}", ["metadesc"] = metadesc, ["metadata"] = "", ["metakey"] = "", ["plugins"] = "", ["language"] = language,
    };

    private static Dictionary<string, object?> User(int id, string name, string username) => new()
    {
        ["id"] = id, ["name"] = name, ["username"] = username, ["email"] = $"{username}@example.org", ["password"] = "", ["params"] = "{}",
    };

    private static Dictionary<string, object?> Field(int id, string name) => new()
    {
        ["id"] = id, ["name"] = name, ["value"] = "[]", ["type"] = "textfield", ["group"] = 1, ["published"] = 1, ["ordering"] = id,
    };

    private static Dictionary<string, object?> Category(int id, string name, string alias, int parent, string language) => new()
    {
        ["id"] = id, ["name"] = name, ["alias"] = alias, ["description"] = "", ["parent"] = parent, ["extraFieldsGroup"] = 1,
        ["published"] = 1, ["access"] = 1, ["image"] = "", ["params"] = "{}", ["plugins"] = "", ["language"] = language,
    };

    private static Dictionary<string, object?> Comment(int id, int item, string name, string text, int published) => new()
    {
        ["id"] = id, ["itemID"] = item, ["userID"] = 0, ["userName"] = name, ["commentDate"] = "2023-11-05 06:00:00",
        ["commentText"] = text, ["commentEmail"] = "reader@example.org", ["commentURL"] = "", ["published"] = published,
    };

    private static Dictionary<string, object?> Attachment(int id, int item, string file, string title) => new()
    {
        ["id"] = id, ["itemID"] = item, ["filename"] = file, ["title"] = title, ["titleAttribute"] = title, ["hits"] = 0,
    };
}
