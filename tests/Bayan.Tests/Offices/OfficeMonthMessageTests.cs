using System.Net;
using AngleSharp.Html.Parser;
using Bayan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Tests.Offices;

/// <summary>The back office says what recording a Hijri month start did in its reader's language.</summary>
[Trait(Suite.Category, Suite.Database)]
public sealed class OfficeMonthMessageTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task The_arabic_back_office_answers_a_recorded_month_and_a_refusal_in_arabic()
    {
        var office = await site.Seed.OfficeAsync();
        var admin = await site.Seed.UserAsync(administrator: true);
        await site.Seed.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "ar")));
        using var client = new AdminClient(site.BaseAddress);
        Assert.True(await client.SignInAsync(admin.Email!, Seed.Password));
        var path = $"/admin/offices/{office.Id}";

        var recorded = await client.PostFormAsync(path, path + "?handler=Month", [new("year", "1445"), new("month", "9"), new("startsOn", "2024-03-12")]);
        var refused = await client.PostFormAsync(path, path + "?handler=Month", [new("year", "1445"), new("month", "10"), new("startsOn", "2024-05-30")]);

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal($"{office.Code}: بدأ شهر رمضان 1445 في 2024-03-12 (المحسوب: 2024-03-11).", await NoticeAsync(recorded));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.StartsWith("يبدأ شهر شوال 1445 حسابيًا في ", await NoticeAsync(refused));
    }

    private static async Task<string> NoticeAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector(".notice")!.TextContent.Trim();
}
