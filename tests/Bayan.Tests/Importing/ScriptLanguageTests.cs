using Bayan.Importing;
using Bayan.Importing.WordPress;
using static Bayan.Tests.Importing.Wxr;

namespace Bayan.Tests.Importing;

public sealed class ScriptLanguageTests
{
    [Theory]
    [InlineData("أعلنت وزارة الصحة افتتاح مركز جديد", "ar")]
    [InlineData("<p class=\"lead\">أعلنت الوزارة عن <a href=\"https://example.org/en\">New</a> برنامج</p>", "ar")]
    [InlineData("The ministry opened a new clinic", "en")]
    [InlineData("Министерство открыло новую клинику", "ru")]
    [InlineData("Bakanlık yeni bir klinik açtı ve sağlık hizmetlerini genişletti", "tr")]
    [InlineData("Vazirlik yangi klinika ochdi, oʻzbek tilida gʻalaba", "uz")]
    [InlineData("وزارت صحت نے ایک نیا ہسپتال کھولا ہے", "ur")]
    [InlineData("1445/03 — 2024", null)]
    public void The_script_of_the_text_gives_its_language(string text, string? language) =>
        Assert.Equal(language, ScriptLanguage.Detect(text));

    [Fact]
    public void The_language_given_wins_then_polylang_then_wpml_then_the_script()
    {
        var polylang = Item(1, "Title", "نص عربي", extra: InCategory("en", "English", "language"));
        var wpml = Item(2, "Title", "Body", extra: Meta("_wpml_import_language_code", "ar"));
        var bare = Item(3, "عنوان", "نص عربي");
        var items = WxrReader.Read(Stream(Document("1.2", polylang, wpml, bare))).OfType<WxrItem>().ToList();

        Assert.Equal("tr", WxrTranslations.LanguageOf(items[0], "tr", "en"));
        Assert.Equal("en", WxrTranslations.LanguageOf(items[0], null, "ar"));
        Assert.Equal("ar", WxrTranslations.LanguageOf(items[1], null, "en"));
        Assert.Equal("ar", WxrTranslations.LanguageOf(items[2], null, "en"));
    }

    [Fact]
    public void Polylang_and_wpml_translation_groups_are_keys_shared_by_the_translations()
    {
        var items = WxrReader.Read(Stream(Document("1.2",
            Item(1, "عنوان", "نص", extra: InCategory("ar", "العربية", "language") + InCategory("pll_6571", "pll_6571", "post_translations")),
            Item(2, "Title", "Text", extra: InCategory("en", "English", "language") + InCategory("pll_6571", "pll_6571", "post_translations")),
            Item(3, "Alone", "Text"),
            Item(4, "WPML", "Text", extra: Meta("_wpml_import_translation_group", "77"))))).OfType<WxrItem>().ToList();

        Assert.Equal(["pll:pll_6571", "pll:pll_6571", null, "wpml:77"], items.Select(WxrTranslations.Group));
        Assert.Equal(["ar", "en"], items.Take(2).Select(WxrTranslations.DeclaredLanguage));
    }
}
