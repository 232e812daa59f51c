using Bayan.Sites;
using Bayan.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bayan.Tests.Browser;

/// <summary>
/// What Chromium paints, read from the screen positions of the characters rather than the DOM's order:
/// reference numbers ("W-1448-021", "1448/05") and dates on Arabic and English pages of the demo site.
/// </summary>
[Trait(Suite.Category, Suite.Browser)]
public sealed class BidiPaintingTests(DemoTestSite site, Support.Browser browser) : IClassFixture<DemoTestSite>, IClassFixture<Support.Browser>
{
    /// <summary>
    /// The visible characters of an element as painted: line by line from the top, each line from left
    /// to right by the centre of each character's box. Spaces and invisible marks are left out.
    /// </summary>
    private const string Painted =
        """
        element => {
          const chars = [];
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let i = 0; i < node.data.length; i++) {
              const c = node.data[i];
              if (/[\s\u200e\u200f\u061c\u2066-\u2069]/.test(c)) continue;
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const box = range.getBoundingClientRect();
              if (box.width === 0) continue;
              chars.push({ c, x: box.left + box.width / 2, line: Math.round(box.top + box.height / 2) });
            }
          }
          // Characters of one line share their middle within a few pixels.
          chars.sort((a, b) => Math.abs(a.line - b.line) > 4 ? a.line - b.line : a.x - b.x);
          return chars.map(ch => ch.c).join("");
        }
        """;

    private static string Visible(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not ('\u200E' or '\u200F' or '\u061C') && c is < '\u2066' or > '\u2069'));

    private static async Task<string> PaintedAsync(ILocator element) => await element.EvaluateAsync<string>(Painted);

    [Fact]
    public async Task Reference_numbers_paint_left_to_right_in_western_digits_on_an_arabic_page()
    {
        var (page, errors) = await browser.OpenAsync();

        foreach (var (office, shape) in new[] { ("water", @"^W-\d{4}-\d{3}$"), ("health", @"^\d{4}/\d{2}$"), ("university", @"^NU/\d{4}/\d{3}$") })
        {
            await page.GotoAsync(new Uri(site.BaseAddress, $"/ar/{office}/").AbsoluteUri);
            var number = page.Locator(".card .number bdi").First;
            var logical = await number.TextContentAsync() ?? "";

            Assert.Matches(shape, logical);
            Assert.Equal(logical, await PaintedAsync(number));
            // The label "رقم" stands to the right of the number, where an Arabic sentence begins.
            var label = await page.Locator(".card .number").First.EvaluateAsync<double[]>(
                "n => { const r = document.createRange(); r.setStart(n.firstChild, 0); r.setEnd(n.firstChild, 1); const bdi = n.querySelector('bdi').getBoundingClientRect(); return [r.getBoundingClientRect().left, bdi.right]; }");
            Assert.True(label[0] > label[1], $"The label of {logical} should be painted to the right of it.");
        }
        await page.GotoAsync(new Uri(site.BaseAddress, "/ar/water/").AbsoluteUri);
        await Support.Browser.ScreenshotAsync(page, "cards-ar");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_arabic_dateline_paints_each_date_whole_with_no_separator_that_reads_as_a_digit()
    {
        var (page, errors) = await browser.OpenAsync(390, 844);
        await page.GotoAsync(new Uri(site.BaseAddress, "/ar/water/").AbsoluteUri);

        foreach (var dateline in await page.Locator(".card .dateline").AllAsync())
        {
            var painted = await PaintedAsync(dateline);
            // A dot or bar painted next to an Arabic-Indic digit is read as ٠ or ١.
            for (var i = 0; i < painted.Length; i++)
            {
                if (painted[i] is '·' or '|' or '•')
                    Assert.False((i > 0 && char.IsDigit(painted[i - 1])) || (i + 1 < painted.Length && char.IsDigit(painted[i + 1])), $"'{painted}' paints a separator next to a digit.");
            }
            // Right to left: each year with its era mark to its left ("هـ ١٤٤٨" as painted), on one line.
            Assert.Matches(@"ـه[٠-٩]{4}", painted);
            Assert.Matches(@"م[٠-٩]{4}", painted);
            await AssertEachDateOnOneLineAsync(dateline.Locator("time"));
        }

        await Support.Browser.ScreenshotAsync(page, "cards-ar-phone");

        await Support.Browser.FollowAsync(page.Locator(".card").First.Locator("h3 a"));
        var releaseDate = page.Locator("article.release .dateline time");
        await AssertEachDateOnOneLineAsync(releaseDate);
        await page.Locator("article.release header").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Support.Browser.ScreenshotFolder, "dateline-ar-phone.png") });

        // Wide enough for the whole dateline on one line: every number of the date is painted with its
        // digits in order, the Gregorian date to the left of the dash and the Hijri one to its right.
        await page.SetViewportSizeAsync(1280, 900);
        var text = Visible(await releaseDate.TextContentAsync() ?? "");
        var paintedDate = await PaintedAsync(releaseDate);
        foreach (var group in System.Text.RegularExpressions.Regex.Matches(text, "[٠-٩]+").Select(m => m.Value))
            Assert.Contains(group, paintedDate, StringComparison.Ordinal);
        Assert.Matches(@"^[^—]*م[٠-٩]{4}[^—]*—[^—]*ـه[٠-٩]{4}[^—]*$", paintedDate);
        await page.Locator("article.release header").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Support.Browser.ScreenshotFolder, "dateline-ar.png") });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_english_page_paints_numbers_and_dates_in_reading_order()
    {
        var (page, errors) = await browser.OpenAsync();

        foreach (var office in new[] { "water", "health", "university" })
        {
            await page.GotoAsync(new Uri(site.BaseAddress, $"/en/{office}/").AbsoluteUri);
            var number = page.Locator(".card .number bdi").First;
            Assert.Equal(await number.TextContentAsync(), await PaintedAsync(number));
            var date = page.Locator(".card .dateline time").First;
            Assert.Equal(Visible(await date.TextContentAsync() ?? ""), await PaintedAsync(date));
            Assert.Matches(@"^H\.\d+.*\d{4}—M\.\d+.*\d{4}$", Visible(await date.TextContentAsync() ?? ""));
        }
        Assert.Empty(errors);
    }

    [Fact]
    public async Task With_the_language_digits_chosen_an_arabic_page_paints_each_number_in_its_own_order()
    {
        await site.InScopeAsync(s => s.GetRequiredService<UpdateSiteDates>().RunAsync(new SiteDatesChange(NumbersInLanguageDigits: true), "tests", CancellationToken.None));
        try
        {
            var (page, errors) = await browser.OpenAsync();
            foreach (var (office, painted) in new[] { ("water", @"^W-[٠-٩]{4}-[٠-٩]{3}$"), ("health", @"^[٠-٩]{4}/[٠-٩]{2}$"), ("university", @"^NU/[٠-٩]{4}/[٠-٩]{3}$") })
            {
                await page.GotoAsync(new Uri(site.BaseAddress, $"/ar/{office}/").AbsoluteUri);
                var number = page.Locator(".card .number bdi").First;

                Assert.Matches(painted, await PaintedAsync(number));
                Assert.Equal(Visible(await number.TextContentAsync() ?? ""), await PaintedAsync(number));
            }
            await page.GotoAsync(new Uri(site.BaseAddress, "/ar/water/").AbsoluteUri);
            await Support.Browser.ScreenshotAsync(page, "numbers-ar-language-digits");
            Assert.Empty(errors);
        }
        finally
        {
            await site.InScopeAsync(s => s.GetRequiredService<UpdateSiteDates>().RunAsync(new SiteDatesChange(NumbersInLanguageDigits: false), "tests", CancellationToken.None));
        }
    }

    /// <summary>Each calendar's date (between the dashes) has all its characters on one line, whatever the width.</summary>
    private static async Task AssertEachDateOnOneLineAsync(ILocator time)
    {
        var lines = await time.EvaluateAsync<double[][]>(
            """
            element => {
              const node = element.firstChild, text = node.data, dates = [];
              let start = 0;
              for (const part of text.split(" — ")) {
                const tops = new Set();
                for (let i = start; i < start + part.length; i++) {
                  if (/\s/.test(text[i]) && text[i] !== "\u00a0") continue;
                  const range = document.createRange();
                  range.setStart(node, i);
                  range.setEnd(node, i + 1);
                  const box = range.getBoundingClientRect();
                  if (box.width > 0) tops.add(Math.round(box.top + box.height / 2));
                }
                dates.push([...tops]);
                start += part.length + 3;
              }
              return dates;
            }
            """);
        foreach (var tops in lines)
            Assert.True(tops.Max() - tops.Min() <= 4, "One date broke across lines.");
    }
}
