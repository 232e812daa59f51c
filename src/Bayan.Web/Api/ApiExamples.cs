using Bayan.Web.Api.Content;

namespace Bayan.Web.Api;

/// <summary>Examples of the main answers for the OpenAPI document, as a small newsroom would send them.</summary>
internal static class ApiExamples
{
    private static readonly DateTimeOffset Published = new(2024, 11, 21, 10, 0, 0, TimeSpan.FromHours(3));

    private static readonly ApiDate PublishedDate = new(Published, "H. 19 Jumada al-Awwal 1446 — M. Thursday, 21 November 2024");

    private static readonly OfficeRef Office = new(1, "central", "Central Media Office");

    private static readonly ReleaseItem Item = new(
        1042, "en", "ltr", true, "Vaccination campaign reaches every district",
        "The health directorate's campaign has reached all 27 districts.", "1446/03", ReleaseKind.PressRelease, "Press release",
        Office, new ApiDate(Published, "H. 19 Jumada al-Awwal 1446 — M. 21 November 2024"),
        "https://news.example.org/en/central/1042/vaccination-campaign-reaches-every-district",
        "https://news.example.org/api/v1/releases/1042");

    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(ApiDate)] = PublishedDate,
        [typeof(ReleaseItem)] = Item,
        [typeof(ReleaseList)] = new ReleaseList([Item], "cjEuNjM4Njc4NjQwMDAwMDAwMDAwLjEwNDI",
            "https://news.example.org/api/v1/releases?language=en&cursor=cjEuNjM4Njc4NjQwMDAwMDAwMDAwLjEwNDI"),
        [typeof(ReleaseDetail)] = new ReleaseDetail(
            1042, "1446/03", ReleaseKind.PressRelease, ReleaseState.Corrected, "ar", new OfficeRef(1, "central", "المكتب الإعلامي المركزي"),
            Published, Published.AddHours(2), Published.AddHours(2), null,
            new MediaFile("https://news.example.org/media/2024/11/campaign.jpg", "campaign.jpg", "image/jpeg", 482113, 2400, 1600,
                [new("https://news.example.org/media/2024/11/campaign-480.jpg", 480), new("https://news.example.org/media/2024/11/campaign-960.jpg", 960)]),
            [],
            [
                new ReleaseVersionDetail("en", "ltr", false, "Vaccination campaign reaches every district", "vaccination-campaign-reaches-every-district",
                    "The health directorate's campaign has reached all 27 districts.", "<p dir=\"auto\">The campaign …</p>", "The campaign …",
                    "https://news.example.org/en/central/1042/vaccination-campaign-reaches-every-district", "1446/03", "Press release",
                    "Central Media Office", PublishedDate, new ApiDate(Published.AddHours(2), "H. 19 Jumada al-Awwal 1446 — M. Thursday, 21 November 2024"), null,
                    new ReleaseNote("The number of districts was corrected.", "en", "ltr"), null,
                    new TranslationOf("ar", "https://news.example.org/ar/central/1042/حملة-التطعيم", false, null),
                    [new NamedLink(3, "Health", "health", "https://news.example.org/en/category/health/")],
                    [new NamedLink(7, "vaccination", "vaccination", "https://news.example.org/en/tag/vaccination/")]),
            ]),
        [typeof(CategoryNode)] = new CategoryNode(3, [new LocalName("en", "Health", "health", "https://news.example.org/en/category/health/")],
            [new CategoryNode(4, [new LocalName("en", "Hospitals", "hospitals", "https://news.example.org/en/category/hospitals/")], [])]),
        [typeof(SiteLanguageInfo)] = new SiteLanguageInfo("ar", "العربية", "rtl", "المركز الإعلامي", "بيانات صحفية", "بتوقيت مكة المكرمة", "https://news.example.org/ar/"),
    };

    public static object? For(Type type) => Examples.GetValueOrDefault(type);
}
