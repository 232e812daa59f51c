using Bayan.Accounts;
using Bayan.Categories;
using Bayan.Changes;
using Bayan.Data;
using Bayan.Offices;
using Bayan.Releases;
using Bayan.Sites;
using Bayan.Tags;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bayan.Tests.Support;

/// <summary>Test data, each piece with a unique name so tests never see each other's rows.</summary>
public sealed class Seed(IServiceProvider services)
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The site: Arabic (default), English and Turkish, in Riyadh time.</summary>
    public async Task SiteAsync(int pageSize = 20)
    {
        await WithDbAsync(async db =>
        {
            db.Sites.Add(new Site { DefaultLanguage = "ar", TimeZone = "Asia/Riyadh", PageSize = pageSize, UpdatedAt = DateTime.UtcNow });
            db.SiteLanguages.AddRange(
                new SiteLanguage { Code = "ar", Position = 0, SiteName = "غرفة أخبار الاختبار", Tagline = "بيانات صحفية" },
                new SiteLanguage { Code = "en", Position = 1, SiteName = "Test Newsroom", Tagline = "Press releases" },
                new SiteLanguage { Code = "tr", Position = 2, SiteName = "Test Haber Merkezi", Tagline = "Basın bültenleri" });
            await db.SaveChangesAsync();
        });
    }

    public Task<Office> OfficeAsync(string? code = null) => WithDbAsync(async db =>
    {
        code ??= Unique("office");
        var office = new Office
        {
            Code = code,
            DefaultLanguage = "ar",
            TimeZone = "Asia/Riyadh",
            Names =
            [
                new OfficeName { Language = "ar", Name = $"مكتب {code}" },
                new OfficeName { Language = "en", Name = $"Office {code}" },
            ],
        };
        db.Offices.Add(office);
        await db.SaveChangesAsync();
        return office;
    });

    /// <summary>A published release in Arabic (the original) and, unless told otherwise, in English.</summary>
    public Task<Release> ReleaseAsync(
        Office office, string? title = null, DateTime? publishAt = null, bool english = true,
        Category? category = null, Tag? tag = null, string? number = null) => WithDbAsync(async db =>
    {
        title ??= Unique("release");
        db.Attach(office);
        if (category is not null)
            db.Attach(category);
        if (tag is not null)
            db.Attach(tag);
        List<VersionText> versions = [new("ar", $"بيان {title}", $"ملخص {title}", $"نص **البيان** {title}.")];
        if (english)
            versions.Add(new("en", $"Statement {title}", $"Summary of {title}", $"Body of the *statement* {title}."));
        return await ReleaseImport.AddAsync(db, new ImportedRelease(
            office, ReleaseType.PressRelease, "ar", publishAt ?? DateTime.UtcNow.AddMinutes(-5), versions,
            category is null ? null : [category], tag is null ? null : [tag], number), "tests", CancellationToken.None);
    });

    public Task<Category> CategoryAsync(Category? parent = null) => WithDbAsync(async db =>
    {
        var key = Unique("cat");
        if (parent is not null)
            db.Attach(parent);
        var category = new Category
        {
            Parent = parent,
            Names =
            [
                new CategoryName { Language = "ar", Name = $"تصنيف {key}", Slug = $"تصنيف-{key}" },
                new CategoryName { Language = "en", Name = $"Category {key}", Slug = key },
            ],
        };
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        return category;
    });

    /// <summary>A tag named in Arabic and English; its English slug is <see cref="EnglishSlug"/>.</summary>
    public Task<Tag> TagAsync() => WithDbAsync(async db =>
    {
        var key = Unique("tag");
        var tag = new Tag
        {
            Names =
            [
                new TagName { Language = "ar", Name = $"وسم {key}", Slug = $"وسم-{key}" },
                new TagName { Language = "en", Name = key, Slug = key },
            ],
        };
        db.Tags.Add(tag);
        await db.SaveChangesAsync();
        return tag;
    });

    public static string EnglishSlug(Tag tag) => tag.Names.Single(n => n.Language == "en").Slug;

    public const string Password = "correct horse battery";

    /// <summary>A back-office account; its e-mail is unique. Roles as the arguments say: editor of <paramref name="offices"/>, writer for <paramref name="writerOffices"/>.</summary>
    public async Task<User> UserAsync(bool administrator = false, bool moderator = false, int[]? offices = null, string[]? languages = null, int[]? writerOffices = null)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var email = Unique("user") + "@example.org";
        var user = new User
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = email.Split('@')[0],
            Language = "en",
            IsAdministrator = administrator,
            IsModerator = moderator,
            CreatedAt = DateTime.UtcNow,
            Offices = [.. (offices ?? []).Select(o => new UserOffice { OfficeId = o }), .. (writerOffices ?? []).Select(o => new UserOffice { OfficeId = o, CanPublish = false })],
            Languages = [.. (languages ?? []).Select(l => new UserLanguage { Language = l })],
        };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    public Task<T> WithDbAsync<T>(Func<BayanDb, Task<T>> work) => Run(work);

    public Task WithDbAsync(Func<BayanDb, Task> work) => Run(async db => { await work(db); return true; });

    private async Task<T> Run<T>(Func<BayanDb, Task<T>> work)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BayanDb>();
        var result = await work(db);
        db.ChangeTracker.Clear();
        // Test data is written behind the services' backs, so it is announced as they would: no kept page outlives it.
        await scope.ServiceProvider.GetRequiredService<IContentChanges>().SavedAsync(new ContentChange.Everything("test data"));
        return result;
    }

    public Task<int> CountReleasesAsync() => WithDbAsync(db => db.Releases.CountAsync());
}
