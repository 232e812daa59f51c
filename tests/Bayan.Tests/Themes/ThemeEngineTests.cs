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
}
