using Bayan.Themes;
using Microsoft.Extensions.FileProviders;

namespace Bayan.Tests.Themes;

public sealed class ThemeEngineTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bayan-tests", "engine-" + Guid.NewGuid().ToString("N"));

    public ThemeEngineTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_page_is_rendered_inside_its_layout_and_what_the_page_assigns_stays_in_the_page()
    {
        File.WriteAllText(Path.Combine(folder, "page.liquid"), "{% assign title = 'from the page' %}<p>{{ title }} {{ name }}</p>");
        File.WriteAllText(Path.Combine(folder, "layout.liquid"), "<title>{{ title }}</title><main>{{ content | raw }}</main>");
        using var files = new PhysicalFileProvider(folder);
        var engine = new ThemeEngine(files);

        var html = await engine.RenderInLayoutAsync("page", "layout", new Dictionary<string, object?> { ["title"] = "Layout title", ["name"] = "<b>" });

        Assert.Equal("<title>Layout title</title><main><p>from the page &lt;b&gt;</p></main>", html);
    }

    [Fact]
    public async Task A_page_rendered_into_bytes_is_the_same_page_in_utf8()
    {
        // Arabic, an emoji (a surrogate pair) and markup that is encoded, in a page longer than one write.
        var body = string.Concat(Enumerable.Repeat("<p>{{ name }} بيان 😀 {{ text }}</p>", 3000));
        File.WriteAllText(Path.Combine(folder, "page.liquid"), body);
        File.WriteAllText(Path.Combine(folder, "layout.liquid"), "<title>{{ title }}</title><main>{{ content | raw }}</main>");
        using var files = new PhysicalFileProvider(folder);
        var engine = new ThemeEngine(files);
        var values = new Dictionary<string, object?> { ["title"] = "العنوان", ["name"] = "<b>", ["text"] = new string('ж', 5000) + "😀" };

        var text = await engine.RenderInLayoutAsync("page", "layout", values);
        using var bytes = new Utf8Buffer();
        await engine.RenderInLayoutAsync("page", "layout", values, bytes.Writer);

        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(bytes.Written.Span));
    }
}
