using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Categories;
using Bayan.Comments;
using Bayan.Embargo;
using Bayan.Media;
using Bayan.Navigation;
using Bayan.Numbering;
using Bayan.Offices;
using Bayan.Pages;
using Bayan.Releases;
using Bayan.Sites;
using Bayan.Tags;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Data;

/// <summary>
/// The one model of Bayan. Each database provider has a subclass of its own only so that
/// each keeps its own migrations; the model is the same.
/// </summary>
public abstract class BayanDb(DbContextOptions options) : IdentityUserContext<User, int>(options)
{
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<SiteLanguage> SiteLanguages => Set<SiteLanguage>();
    public DbSet<Office> Offices => Set<Office>();
    public DbSet<Release> Releases => Set<Release>();
    public DbSet<ReleaseVersion> ReleaseVersions => Set<ReleaseVersion>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<CategoryName> CategoryNames => Set<CategoryName>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<TagName> TagNames => Set<TagName>();
    public DbSet<StaticPage> Pages => Set<StaticPage>();
    public DbSet<MenuItem> MenuItems => Set<MenuItem>();
    public DbSet<LinkList> LinkLists => Set<LinkList>();
    public DbSet<HijriMonthStart> HijriMonthStarts => Set<HijriMonthStart>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserOffice> UserOffices => Set<UserOffice>();
    public DbSet<EmbargoLink> EmbargoLinks => Set<EmbargoLink>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<MediaItem> Media => Set<MediaItem>();
    public DbSet<ReleaseAttachment> ReleaseAttachments => Set<ReleaseAttachment>();
    public DbSet<UserLanguage> UserLanguages => Set<UserLanguage>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<Editing.HeldEdit> HeldEdits => Set<Editing.HeldEdit>();
    public DbSet<Changes.ChangeCount> ChangeCounts => Set<Changes.ChangeCount>();
    public DbSet<Webhooks.WebhookEndpoint> WebhookEndpoints => Set<Webhooks.WebhookEndpoint>();
    public DbSet<Webhooks.WebhookMessage> WebhookMessages => Set<Webhooks.WebhookMessage>();
    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();
    public DbSet<Webhooks.WebhookAttempt> WebhookAttempts => Set<Webhooks.WebhookAttempt>();
    public DbSet<Tokens.AccessToken> AccessTokens => Set<Tokens.AccessToken>();
    public DbSet<Tokens.IdempotentAnswer> IdempotentAnswers => Set<Tokens.IdempotentAnswer>();
    public DbSet<MediaText> MediaTexts => Set<MediaText>();
    public DbSet<Importing.ImportedItem> ImportedItems => Set<Importing.ImportedItem>();
    public DbSet<Importing.Jobs.ImportJob> ImportJobs => Set<Importing.Jobs.ImportJob>();

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<string>().HaveMaxLength(Limits.Text);
        conventions.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.ApplyConfiguration(new Changes.ChangeCountConfiguration());
        model.ApplyConfiguration(new Webhooks.WebhookEndpointConfiguration());
        model.ApplyConfiguration<Webhooks.WebhookMessage>(new Webhooks.WebhookOutboxConfiguration());
        model.ApplyConfiguration<Webhooks.WebhookDelivery>(new Webhooks.WebhookOutboxConfiguration());
        model.ApplyConfiguration<Webhooks.WebhookAttempt>(new Webhooks.WebhookOutboxConfiguration());
        model.ApplyConfiguration(new Tokens.AccessTokenConfiguration());
        model.ApplyConfiguration(new Tokens.IdempotentAnswerConfiguration());
        model.ApplyConfiguration(new MediaTextConfiguration());
        model.ApplyConfiguration(new Importing.ImportedItemConfiguration());
        model.ApplyConfiguration(new Redirects.RedirectConfiguration());
        model.ApplyConfiguration(new Importing.Jobs.ImportJobConfiguration());
        model.Entity<User>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(Limits.Title);
            e.Property(u => u.Language).HaveLanguageLength();
            e.HasMany(u => u.Offices).WithOne().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(u => u.Languages).WithOne().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<UserOffice>(e =>
        {
            e.HasKey(o => new { o.UserId, o.OfficeId });
            e.HasOne<Office>().WithMany().HasForeignKey(o => o.OfficeId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<UserLanguage>(e =>
        {
            e.HasKey(l => new { l.UserId, l.Language });
            e.Property(l => l.Language).HaveLanguageLength();
        });
        model.Entity<UserSession>(e =>
        {
            e.Property(s => s.Id).HasMaxLength(32);
            e.HasIndex(s => s.UserId);
            e.HasIndex(s => s.SeenAt);
            e.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Site>().Property(s => s.Id).ValueGeneratedNever();
        model.Entity<Site>().Property(s => s.DefaultLanguage).HaveLanguageLength();
        model.Entity<Site>(e =>
        {
            e.Property(s => s.TimeZone).HasMaxLength(64);
            e.Property(s => s.HeaderDates).HasMaxLength(100);
            e.Property(s => s.DatelineDates).HasMaxLength(100);
            e.Property(s => s.ListingDates).HasMaxLength(100);
        });
        model.Entity<SiteLanguage>(e =>
        {
            e.HasKey(l => l.Code);
            e.Property(l => l.Code).HaveLanguageLength();
            e.Property(l => l.SiteName).HasMaxLength(Limits.Title);
            e.Property(l => l.Tagline).HasMaxLength(Limits.Title);
            e.Property(l => l.ClockName).HasMaxLength(Limits.Title);
        });

        model.Entity<Office>(e =>
        {
            e.HasIndex(o => o.Code).IsUnique();
            e.Property(o => o.Code).HasMaxLength(Limits.Slug);
            e.Property(o => o.DefaultLanguage).HaveLanguageLength();
            e.Property(o => o.TimeZone).HasMaxLength(64);
            e.Property(o => o.NumberingPattern).HasMaxLength(100);
            e.Property(o => o.Website).HasMaxLength(Limits.Url);
            e.Property(o => o.Telephone).HasMaxLength(Limits.Telephone);
            e.Property(o => o.Email).HasMaxLength(Limits.Email);
            e.Property(o => o.SocialLinks).HasMaxLength(Limits.Summary);
            e.HasMany(o => o.Names).WithOne().HasForeignKey(n => n.OfficeId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(o => o.MonthStarts).WithOne().HasForeignKey(m => m.OfficeId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(o => o.HijriCalendar);
        });
        model.Entity<HijriMonthStart>(e =>
        {
            e.HasIndex(m => new { m.OfficeId, m.Year, m.Month }).IsUnique();
            e.Property(m => m.RecordedBy).HasMaxLength(Limits.Title);
        });
        model.Entity<Comment>(e =>
        {
            e.HasIndex(c => new { c.ReleaseVersionId, c.Status, c.CreatedAt });
            e.HasIndex(c => new { c.Status, c.CreatedAt });
            e.Property(c => c.Name).HasMaxLength(Limits.CommentName);
            e.Property(c => c.Email).HasMaxLength(Limits.Email);
            e.Property(c => c.Text).HasMaxLength(Limits.CommentText);
            e.Property(c => c.ModeratedBy).HasMaxLength(Limits.Title);
            e.Property(c => c.SendingKey).HasMaxLength(64);
            e.HasIndex(c => c.SendingKey).IsUnique();
            e.HasOne<ReleaseVersion>().WithMany().HasForeignKey(c => c.ReleaseVersionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<EmbargoLink>(e =>
        {
            e.HasIndex(l => l.TokenHash).IsUnique();
            e.Property(l => l.TokenHash).HasMaxLength(64);
            e.Property(l => l.Label).HasMaxLength(Limits.Title);
            e.Property(l => l.CreatedBy).HasMaxLength(Limits.Title);
            e.HasOne<Release>().WithMany().HasForeignKey(l => l.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<MediaItem>(e =>
        {
            e.Property(m => m.Id).ValueGeneratedNever();
            e.HasIndex(m => m.CreatedAt);
            e.Property(m => m.Kind).HasMaxLength(16);
            e.Property(m => m.FileName).HasMaxLength(Limits.Title);
            e.Property(m => m.ContentType).HasMaxLength(100);
            e.Property(m => m.Url).HasMaxLength(Limits.Url);
            e.Property(m => m.UploadedBy).HasMaxLength(Limits.Title);
        });
        model.Entity<ReleaseAttachment>(e =>
        {
            e.HasKey(a => new { a.ReleaseId, a.MediaId });
            e.HasOne<Release>().WithMany(r => r.Attachments).HasForeignKey(a => a.ReleaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(a => a.Media).WithMany().HasForeignKey(a => a.MediaId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.Subject, a.At });
            e.Property(a => a.Actor).HasMaxLength(Limits.Title);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Subject).HasMaxLength(Limits.Title);
        });
        model.Entity<NumberSequence>(e =>
        {
            e.HasKey(n => new { n.OfficeId, n.Scope });
            e.Property(n => n.Scope).HasMaxLength(32);
            e.HasOne<Office>().WithMany().HasForeignKey(n => n.OfficeId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<OfficeName>(e =>
        {
            e.HasKey(n => new { n.OfficeId, n.Language });
            e.Property(n => n.Language).HaveLanguageLength();
            e.Property(n => n.Name).HasMaxLength(Limits.Title);
            e.Property(n => n.FullName).HasMaxLength(Limits.Title);
            e.Property(n => n.Address).HasMaxLength(Limits.Address);
        });

        model.Entity<Release>(e =>
        {
            e.HasOne(r => r.Office).WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.OfficeId, r.ReferenceNumber }).IsUnique();
            e.HasIndex(r => new { r.Status, r.PublishAt });
            e.Property(r => r.ReferenceNumber).HasMaxLength(64);
            e.Property(r => r.OriginalLanguage).HaveLanguageLength();
            e.Property(r => r.FeaturedImage).HasMaxLength(Limits.Url);
            e.Property(r => r.Metadata!).IsUnbounded();
            e.HasMany(r => r.Versions).WithOne(v => v.Release).HasForeignKey(v => v.ReleaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Categories).WithMany().UsingEntity("ReleaseCategories");
            e.HasMany(r => r.Tags).WithMany().UsingEntity("ReleaseTags");
        });
        model.Entity<ReleaseVersion>(e =>
        {
            e.HasIndex(v => new { v.ReleaseId, v.Language }).IsUnique();
            e.HasIndex(v => v.Language);
            e.Property(v => v.Language).HaveLanguageLength();
            e.Property(v => v.Title).HasMaxLength(Limits.Title);
            e.Property(v => v.Slug).HasMaxLength(Limits.Slug);
            e.Property(v => v.Summary).HasMaxLength(Limits.Summary);
            e.Property(v => v.Body).HasMaxLength(Limits.Body);
            e.Property(v => v.BodyHtml).IsUnbounded();
            e.Property(v => v.CorrectionNote).HasMaxLength(Limits.Summary);
            e.Property(v => v.RetractionNote).HasMaxLength(Limits.Summary);
            e.Property(v => v.ConcurrencyVersion).IsConcurrencyToken();
            e.Ignore(v => v.IsOriginal);
            e.HasMany(v => v.Revisions).WithOne().HasForeignKey(r => r.ReleaseVersionId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Editing.HeldEdit>(e =>
        {
            e.HasIndex(h => new { h.ReleaseId, h.Language }).IsUnique();
            e.Property(h => h.Language).HaveLanguageLength();
            e.Property(h => h.Title).HasMaxLength(Limits.Title);
            e.Property(h => h.Slug).HasMaxLength(Limits.Slug);
            e.Property(h => h.Summary).HasMaxLength(Limits.Summary);
            e.Property(h => h.Body).HasMaxLength(Limits.Body);
            e.Property(h => h.Author).HasMaxLength(Limits.Title);
            e.HasOne<Release>().WithMany().HasForeignKey(h => h.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Revision>(e =>
        {
            e.HasIndex(r => new { r.ReleaseVersionId, r.Number }).IsUnique();
            e.Property(r => r.Title).HasMaxLength(Limits.Title);
            e.Property(r => r.Summary).HasMaxLength(Limits.Summary);
            e.Property(r => r.Body).HasMaxLength(Limits.Body);
            e.Property(r => r.Author).HasMaxLength(Limits.Title);
        });

        model.Entity<Category>(e =>
        {
            e.HasOne(c => c.Parent).WithMany(c => c.Children).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Names).WithOne().HasForeignKey(n => n.CategoryId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<CategoryName>(e =>
        {
            e.HasKey(n => new { n.CategoryId, n.Language });
            e.HasIndex(n => new { n.Language, n.Slug }).IsUnique();
            e.Property(n => n.Language).HaveLanguageLength();
            e.Property(n => n.Name).HasMaxLength(Limits.Title);
            e.Property(n => n.Slug).HasMaxLength(Limits.Slug);
        });
        model.Entity<Tag>(e =>
            e.HasMany(t => t.Names).WithOne().HasForeignKey(n => n.TagId).OnDelete(DeleteBehavior.Cascade));
        model.Entity<TagName>(e =>
        {
            e.HasKey(n => new { n.TagId, n.Language });
            e.HasIndex(n => new { n.Language, n.Slug }).IsUnique();
            e.Property(n => n.Language).HaveLanguageLength();
            e.Property(n => n.Name).HasMaxLength(Limits.Title);
            e.Property(n => n.Slug).HasMaxLength(Limits.Slug);
        });

        model.Entity<StaticPage>(e =>
        {
            e.HasIndex(p => new { p.Language, p.Slug }).IsUnique();
            e.HasIndex(p => new { p.Key, p.Language }).IsUnique();
            e.Property(p => p.Key).HasMaxLength(Limits.Slug);
            e.Property(p => p.Language).HaveLanguageLength();
            e.Property(p => p.Slug).HasMaxLength(Limits.Slug);
            e.Property(p => p.Title).HasMaxLength(Limits.Title);
            e.Property(p => p.Body).HasMaxLength(Limits.Body);
            e.Property(p => p.BodyHtml).IsUnbounded();
        });
        model.Entity<MenuItem>(e =>
        {
            e.HasIndex(m => new { m.Language, m.Position });
            e.Property(m => m.Language).HaveLanguageLength();
            e.Property(m => m.Label).HasMaxLength(Limits.Title);
            e.Property(m => m.Url).HasMaxLength(Limits.Url);
        });
        model.Entity<LinkList>(e =>
        {
            e.Property(l => l.Language).HaveLanguageLength();
            e.Property(l => l.Title).HasMaxLength(Limits.Title);
            e.HasMany(l => l.Items).WithOne().HasForeignKey(i => i.LinkListId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<LinkListItem>(e =>
        {
            e.Property(i => i.Label).HasMaxLength(Limits.Title);
            e.Property(i => i.Url).HasMaxLength(Limits.Url);
        });
    }
}
