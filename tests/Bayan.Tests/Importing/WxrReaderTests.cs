using Bayan.Importing.WordPress;
using static Bayan.Tests.Importing.Wxr;

namespace Bayan.Tests.Importing;

public sealed class WxrReaderTests
{
    [Theory]
    [InlineData("1.0")]
    [InlineData("1.1")]
    [InlineData("1.2")]
    public void Every_wxr_version_gives_the_site_its_terms_and_its_items(string version)
    {
        var xml = Document(version,
            Author(1, "amina", "أمينة الكاتبة", "amina@example.org"),
            Category(3, "news", "أخبار"),
            Category(4, "health", "صحة", parent: "news"),
            Tag(5, "clinics", "عيادات"),
            Term(6, "language", "ar", "العربية"),
            Item(10, "افتتاح مركز صحي", "نص الخبر", slug: "opening", excerpt: "ملخص",
                extra: InCategory("health", "صحة") + InCategory("clinics", "عيادات", "post_tag") + Meta("_thumbnail_id", "11")
                    + Comment(1, "قارئ", "شكرا") + Comment(2, "Reader", "Reply", approved: "0", parent: 1)));

        var entries = WxrReader.Read(Stream(xml)).ToList();

        var site = Assert.IsType<WxrSite>(entries[0]);
        Assert.Equal(version, site.Version);
        Assert.Equal("https://old.example.org", site.BaseSiteUrl);
        var author = Assert.Single(entries.OfType<WxrAuthor>());
        Assert.Equal(("amina", "أمينة الكاتبة", "amina@example.org"), (author.Login, author.DisplayName, author.Email));
        Assert.Equal(["news", "health"], entries.OfType<WxrCategory>().Select(c => c.Slug));
        Assert.Equal("news", entries.OfType<WxrCategory>().Single(c => c.Slug == "health").ParentSlug);
        Assert.Equal("عيادات", Assert.Single(entries.OfType<WxrTag>()).Name);
        Assert.Equal("language", Assert.Single(entries.OfType<WxrTerm>()).Taxonomy);

        var item = Assert.Single(entries.OfType<WxrItem>());
        Assert.Equal(10, item.PostId);
        Assert.Equal("افتتاح مركز صحي", item.Title);
        Assert.Equal("نص الخبر", item.Content);
        Assert.Equal("ملخص", item.Excerpt);
        Assert.Equal("opening", item.PostName);
        Assert.Equal(("publish", "post"), (item.Status, item.PostType));
        Assert.Equal(new DateTime(2023, 11, 4, 7, 0, 0, DateTimeKind.Utc), item.PublishedUtc);
        Assert.Equal(["health"], item.TermsOf("category").Select(t => t.Slug));
        Assert.Equal(["clinics"], item.TermsOf("post_tag").Select(t => t.Slug));
        Assert.Equal("11", item.MetaValue("_thumbnail_id"));
        Assert.Equal(["1", "0"], item.Comments.Select(c => c.Approved));
        Assert.Equal(1, item.Comments[1].Parent);
        Assert.Equal(new DateTime(2023, 11, 5, 6, 0, 0, DateTimeKind.Utc), item.Comments[0].DateGmt);
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("future")]
    [InlineData("draft")]
    [InlineData("pending")]
    [InlineData("private")]
    [InlineData("trash")]
    [InlineData("auto-draft")]
    public void Every_status_is_read_as_written(string status)
    {
        var item = WxrReader.Read(Stream(Document("1.2", Item(1, "Title", "Body", status: status)))).OfType<WxrItem>().Single();

        Assert.Equal(status, item.Status);
    }

    [Fact]
    public void A_draft_never_dated_has_no_gmt_date_and_a_password_is_read()
    {
        var items = WxrReader.Read(Stream(Document("1.2",
            Item(1, "Draft", "Body", status: "draft", dateGmt: "0000-00-00 00:00:00"),
            Item(2, "Secret", "Body", password: "hunter2", sticky: true)))).OfType<WxrItem>().ToList();

        Assert.Null(items[0].PostDateGmt);
        Assert.Equal(new DateTime(2023, 11, 4, 10, 0, 0, DateTimeKind.Utc), items[0].PublishedUtc);
        Assert.Equal("hunter2", items[1].Password);
    }

    [Fact]
    public void Wxr_1_0_categories_written_twice_are_read_once_and_its_tag_domain_is_post_tag()
    {
        var extra = "\t\t<category><![CDATA[News]]></category>\n" + InCategory("news", "News")
            + "\t\t<category domain=\"tag\"><![CDATA[Health]]></category>\n" + InCategory("health", "Health", "tag");
        var item = WxrReader.Read(Stream(Document("1.0", Item(1, "Title", "Body", extra: extra)))).OfType<WxrItem>().Single();

        Assert.Equal([("category", "news"), ("post_tag", "health")], item.Terms.Select(t => (t.Domain, t.Slug)));
    }

    [Fact]
    public void Attachments_pages_and_menu_items_are_items_of_their_type()
    {
        var items = WxrReader.Read(Stream(Document("1.2",
            Item(11, "photo", "", status: "inherit", type: "attachment", parent: 10, attachmentUrl: "https://old.example.org/wp-content/uploads/2023/11/photo.jpg",
                extra: Meta("_wp_attached_file", "2023/11/photo.jpg") + Meta("_wp_attachment_image_alt", "صورة المركز")),
            Item(12, "About", "About us", type: "page", slug: "about"),
            Item(13, "", "", type: "nav_menu_item")))).OfType<WxrItem>().ToList();

        Assert.Equal(["attachment", "page", "nav_menu_item"], items.Select(i => i.PostType));
        Assert.Equal("2023/11/photo.jpg", items[0].MetaValue("_wp_attached_file"));
        Assert.Equal("صورة المركز", items[0].MetaValue("_wp_attachment_image_alt"));
        Assert.Equal(10, items[0].PostParent);
        Assert.EndsWith("photo.jpg", items[0].AttachmentUrl);
    }

    [Fact]
    public void A_file_that_is_not_wxr_is_refused_with_its_line()
    {
        var rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>A feed</title><item><title>x</title></item></channel></rss>";
        var html = "<html><body>Not an export</body></html>";

        Assert.Equal("import_wxr_not_wxr", Assert.Throws<WxrFormatException>(() => WxrReader.Read(Stream(rss)).ToList()).Problem.Key);
        Assert.Equal("import_wxr_not_wxr", Assert.Throws<WxrFormatException>(() => WxrReader.Read(Stream(html)).ToList()).Problem.Key);
    }

    [Fact]
    public void A_truncated_file_is_refused_naming_the_line_where_it_breaks()
    {
        var xml = Document("1.2", Item(1, "One", "Body"), Item(2, "Two", "Body"));
        var cut = xml[..xml.LastIndexOf("<wp:post_type>", StringComparison.Ordinal)];
        var line = cut.Count(c => c == '\n') + 1;

        var error = Assert.Throws<WxrFormatException>(() => WxrReader.Read(Stream(cut)).ToList());

        Assert.Equal("import_wxr_malformed", error.Problem.Key);
        Assert.Equal(line, error.Problem.Args[0]);
        Assert.Contains($"line {line}", error.Message);
    }

    [Fact]
    public void Malformed_xml_names_its_line()
    {
        var xml = Document("1.2", Item(1, "One", "Body")).Replace("<wp:menu_order>0</wp:menu_order>", "<wp:menu_order>0</wp:menu-order>");
        var line = xml[..xml.IndexOf("</wp:menu-order>", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var error = Assert.Throws<WxrFormatException>(() => WxrReader.Read(Stream(xml)).ToList());

        Assert.Equal(line, error.Problem.Args[0]);
    }

    [Fact]
    public void Items_come_one_at_a_time_so_a_file_is_never_held_whole()
    {
        var xml = Document("1.2", Item(1, "One", "Body"), Item(2, "Two", "Body")) + "\n<garbage";
        using var reader = new WxrReader(Stream(xml));

        Assert.IsType<WxrSite>(reader.Next());
        Assert.Equal(1, Assert.IsType<WxrItem>(reader.Next()).PostId);
        Assert.Equal(2, Assert.IsType<WxrItem>(reader.Next()).PostId);
        Assert.Throws<WxrFormatException>(() => reader.Next());
    }
}
