using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Bayan.Tests.Importing.Wxr;

namespace Bayan.Tests.Importing;

/// <summary>
/// A small newsroom's WordPress export with Polylang: an Arabic release and its English translation (with a
/// featured image, a [caption], a shortcode, threaded comments of every approval), posts of every other status,
/// an English post without language data, published and draft pages, an image and a missing PDF. Each test gives
/// its own old site address, so what one test imported is no earlier run for another.
/// </summary>
internal static class WordPressFixture
{
    public const string ArabicTitle = "افتتاح مركز صحي في الحي الشمالي";
    public const string EnglishTitle = "Health centre opens in the Northern District";
    public const string LoneEnglishTitle = "Ministry publishes its annual report";

    public static string Xml(string site, string version = "1.2", string loneTitle = LoneEnglishTitle) => Document(version,
        Author(1, "amina", "أمينة الكاتبة", "amina@example.org"),
        Author(2, "john", "John Writer", "john@example.org"),
        Category(3, "news", "أخبار"),
        Category(4, "%d8%b5%d8%ad%d8%a9", "صحة", parent: "news"),
        Tag(5, "clinics", "عيادات"),
        Term(6, "language", "ar", "العربية"),
        Term(7, "language", "en", "English"),
        Term(8, "post_translations", "pll_abc", "pll_abc", "a:2:{s:2:\"ar\";i:10;s:2:\"en\";i:11;}"),
        Item(30, "مركز", "", status: "inherit", type: "attachment", parent: 10, attachmentUrl: "https://old.example.org/wp-content/uploads/2023/11/centre.png",
            extra: Meta("_wp_attached_file", "2023/11/centre.png") + Meta("_wp_attachment_image_alt", "واجهة المركز الصحي")),
        Item(31, "report", "", status: "inherit", type: "attachment", parent: 18, attachmentUrl: "https://old.example.org/wp-content/uploads/2023/10/report.pdf",
            extra: Meta("_wp_attached_file", "2023/10/report.pdf")),
        Item(10, ArabicTitle,
            "<!-- wp:paragraph -->\n<p>أعلنت الوزارة اليوم افتتاح <strong>مركز صحي</strong> جديد.</p>\n<!-- /wp:paragraph -->\n\n"
                + "[caption id=\"attachment_30\" align=\"aligncenter\" width=\"400\"]<img src=\"https://old.example.org/wp-content/uploads/2023/11/centre.png\" alt=\"واجهة المركز الصحي\" /> واجهة المركز من الشارع الرئيسي[/caption]\n\n"
                + "[gallery ids=\"30\"]",
            slug: "%d8%a7%d9%81%d8%aa%d8%aa%d8%a7%d8%ad-%d9%85%d8%b1%d9%83%d8%b2", creator: "amina", excerpt: "مركز جديد يخدم الحي",
            date: "2023-11-04 10:00:00", dateGmt: "2023-11-04 07:00:00",
            extra: InCategory("%d8%b5%d8%ad%d8%a9", "صحة") + InCategory("clinics", "عيادات", "post_tag")
                + InCategory("ar", "العربية", "language") + InCategory("pll_abc", "pll_abc", "post_translations")
                + Meta("_thumbnail_id", "30")
                + Comment(100, "قارئ كريم", "شكرا <b>للوزارة</b>") + Comment(101, "Reader", "Waiting for moderation", approved: "0")
                + Comment(102, "Spammer", "Buy now", approved: "spam") + Comment(103, "Old", "Removed", approved: "trash")
                + Comment(104, "مجيب", "رد على التعليق الأول", parent: 100) + Comment(105, "Third", "A reply to the reply", parent: 104)
                + Comment(106, "example.org", "Pingback", type: "pingback")),
        Item(11, EnglishTitle, "The ministry opened a new health centre today.\n\nIt serves the whole district.",
            slug: "health-centre-opens", creator: "john", date: "2023-11-04 11:00:00", dateGmt: "2023-11-04 08:00:00",
            extra: InCategory("en", "English", "language") + InCategory("pll_abc", "pll_abc", "post_translations")
                + Comment(107, "Visitor", "Good news")),
        Item(12, "مسودة لم تنشر", "نص المسودة", status: "draft", dateGmt: "0000-00-00 00:00:00"),
        Item(13, "بانتظار المراجعة", "نص", status: "pending"),
        Item(14, "خبر مجدول", "نص الخبر المجدول", status: "future", date: "2031-01-01 09:00:00", dateGmt: "2031-01-01 06:00:00"),
        Item(15, "خبر خاص", "نص خاص", status: "private"),
        Item(16, "خبر محمي", "نص محمي", password: "secret"),
        Item(17, "خبر محذوف", "نص محذوف", status: "trash"),
        Item(18, loneTitle, "The annual report is out.\nRead it below.", slug: "annual-report", creator: "john",
            date: "2023-10-01 09:00:00", dateGmt: "2023-10-01 06:00:00", extra: InCategory("news", "أخبار") + Meta("reference_number", "AR-2023-77")),
        Item(20, "من نحن", "<h2>الوزارة</h2>\n\nنحن مكتب الإعلام.", type: "page", slug: "about",
            extra: InCategory("ar", "العربية", "language")),
        Item(21, "Draft page", "Not yet", type: "page", status: "draft", slug: "draft-page"),
        Item(40, "", "", type: "nav_menu_item")).Replace("https://old.example.org", site);

    /// <summary>A folder like wp-content/uploads, holding the image (the PDF is missing on purpose).</summary>
    public static string Uploads()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bayan-tests", "uploads-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "2023", "11"));
        using var image = new Image<Rgba32>(400, 300, new Rgba32(30, 120, 90));
        image.SaveAsPng(Path.Combine(folder, "2023", "11", "centre.png"));
        return folder;
    }

    public static string Site() => $"https://old-{Guid.NewGuid():N}.example.org";
}
