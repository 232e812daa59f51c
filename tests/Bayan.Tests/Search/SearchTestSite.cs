using Bayan.Categories;
using Bayan.Offices;
using Bayan.Releases;
using Bayan.Sites;
using Bayan.Tests.Support;

namespace Bayan.Tests.Search;

/// <summary>
/// A site in ar, en, tr and ru with a small corpus that the query table of <see cref="SearchTests"/>
/// is written against: two published releases in four languages, one embargoed and one retracted.
/// Its clock is the test's, so the scheduler publishes when a test says.
/// </summary>
public sealed class SearchTestSite : TestSite
{
    public SearchTestSite() => Clock = new ManualClock(DateTimeOffset.UtcNow);

    public Office Health { get; private set; } = null!;
    public Office Water { get; private set; } = null!;
    public Release Hospital { get; private set; } = null!;
    public Release WaterCut { get; private set; } = null!;

    // Readers search as often as they like here; the limit itself has its own test.
    protected override void Configure(Dictionary<string, string?> settings) => settings["Bayan:Search:PerAddress"] = "100000";

    protected override async Task FillAsync()
    {
        await base.FillAsync();
        await Seed.WithDbAsync(async db =>
        {
            db.SiteLanguages.Add(new SiteLanguage { Code = "ru", Position = 3, SiteName = "Тестовая редакция", Tagline = "" });
            await db.SaveChangesAsync();
        });
        Health = await Seed.OfficeAsync();
        Water = await Seed.OfficeAsync();
        var published = Clock!.Now.UtcDateTime.AddDays(-2);
        Hospital = await AddAsync(Health, published, "1446/07",
            new("ar", "أحمد يفتتح مستشفى الأطفال", "افتتح الوزير أحمد مستشفى جديدًا للأطفال.", "يَسْتَقْبِلُ المُسْتَشْفَى المَرْضَى ابتداءً من يوم الاثنين."),
            new("en", "Ahmed opens the children's hospital", "The minister opened a new hospital.", "The new hospital receives patients from Monday."),
            new("ru", "Ахмед открыл детскую больницу", "Министр открыл новую больницу.", "Больница принимает пациентов с понедельника. У входа поставили ёлку."),
            new("tr", "Ahmed çocuk hastanesini açtı", "Bakan yeni bir hastane açtı.", "İstanbul'daki yeni hastane pazartesi günü hasta kabul ediyor."));
        WaterCut = await AddAsync(Water, published.AddHours(1), "W-1446-12",
            new("ar", "انقطاع المياه في مدينة الزرقاء", "تعلن سلطة المياه عن انقطاع مؤقت.", "يشمل الانقطاع الأحياء الشمالية من المدينة."),
            new("en", "Water cut in the northern district", "The water authority announces a temporary cut.", "Supply returns on Thursday."),
            new("ru", "Отключение воды в северном районе", "Временное отключение ВОДЫ.", "Подача возобновится в четверг."),
            new("tr", "Kuzey mahallesinde su kesintisi", "ISPARTA ve Iğdır'da geçici kesinti.", "Su perşembe günü geri gelecek."));
    }

    public Task<Release> AddAsync(Office office, DateTime publishAt, string? number, params VersionText[] versions) =>
        AddAsync(office, null, publishAt, number, versions);

    public Task<Release> AddAsync(Office office, Category? category, DateTime publishAt, string? number, params VersionText[] versions) =>
        Seed.WithDbAsync(async db =>
        {
            db.Attach(office);
            if (category is not null)
                db.Attach(category);
            var release = new ImportedRelease(office, ReleaseType.PressRelease, versions[0].Language, publishAt, versions,
                category is null ? null : [category], ReferenceNumber: number);
            return await ReleaseImport.AddAsync(db, release, "tests", CancellationToken.None);
        });
}
