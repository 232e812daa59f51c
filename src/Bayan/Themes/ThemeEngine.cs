using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.Extensions.FileProviders;

namespace Bayan.Themes;

/// <summary>
/// Renders the site's Liquid templates. Templates are parsed once and parsed again only when
/// their file changes, so a site can restyle itself without a restart.
/// </summary>
public sealed class ThemeEngine
{
    // Arabic, Cyrillic and the rest stay readable in the page source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly IFileProvider files;
    private readonly FluidParser parser = new();
    private readonly TemplateOptions options;
    private readonly ConcurrentDictionary<string, IFluidTemplate> templates = new();
    private long version;

    public ThemeEngine(IFileProvider files)
    {
        this.files = files;
        options = new TemplateOptions
        {
            FileProvider = new RememberedFiles(files, Changed),
            MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
        };
    }

    public IFileProvider Files => files;

    /// <summary>
    /// Counts the changes heard to the theme's files (templates and the partials they include): what is
    /// rendered once and kept, such as the layout's parts (PublicSite/LayoutParts), is made again when it moves.
    /// </summary>
    public long Version => Interlocked.Read(ref version);

    private void Changed() => Interlocked.Increment(ref version);

    public async Task<string> RenderAsync(string name, IReadOnlyDictionary<string, object?> values)
    {
        var template = Get(name);
        var context = new TemplateContext(options);
        foreach (var (key, value) in values)
            context.SetValue(key, value);
        return await template.RenderAsync(context, Encoder);
    }

    /// <summary>
    /// Renders template <paramref name="name"/>, then <paramref name="layout"/> around it (given as
    /// "content"), with one set of values taken in once for both.
    /// </summary>
    public async Task<string> RenderInLayoutAsync(string name, string layout, IReadOnlyDictionary<string, object?> values)
    {
        using var output = new StringWriter();
        await RenderInLayoutAsync(name, layout, values, output);
        return output.ToString();
    }

    /// <summary>
    /// As <see cref="RenderInLayoutAsync(string, string, IReadOnlyDictionary{string, object?})"/>, written
    /// into <paramref name="output"/>: a page goes straight into the bytes that are sent (<see cref="Utf8Buffer"/>).
    /// </summary>
    public async Task RenderInLayoutAsync(string name, string layout, IReadOnlyDictionary<string, object?> values, TextWriter output)
    {
        var page = Get(name);
        var frame = Get(layout);
        var context = new TemplateContext(options);
        foreach (var (key, value) in values)
            context.SetValue(key, value);
        // The page's template runs in a scope of its own: what it assigns stays out of the layout.
        context.EnterChildScope();
        string content;
        try
        {
            content = await page.RenderAsync(context, Encoder);
        }
        finally
        {
            context.ReleaseScope();
        }
        context.SetValue("content", content);
        await frame.RenderAsync(output, context, Encoder);
    }

    private IFluidTemplate Get(string name)
    {
        if (templates.TryGetValue(name, out var parsed))
            return parsed;
        var path = name + ".liquid";
        var change = files.Watch(path);
        return WatchedFiles.Keep(templates, name, Parse(path), change, Changed);
    }

    private IFluidTemplate Parse(string path)
    {
        var file = files.GetFileInfo(path);
        if (!file.Exists)
            throw new ThemeException($"The theme has no template '{path}'.");
        using var reader = new StreamReader(file.CreateReadStream());
        if (!parser.TryParse(reader.ReadToEnd(), out var template, out var error))
            throw new ThemeException($"The theme's template '{path}' cannot be parsed: {error}");
        return template;
    }
}

public sealed class ThemeException(string message) : Exception(message);
