using Bayan.Editing;
using Bayan.Releases;
using Bayan.Revisions;

namespace Bayan.Tests.Editing;

/// <summary>The fields of an edit conflict and their word diffs, theirs against yours: pure functions.</summary>
public sealed class FieldConflictsTests
{
    private static readonly DraftText Theirs = new("وزارة الصحة تعلن", "وزارة-الصحة-تعلن", "حملة في جميع المراكز الصحية", "تبدأ الحملة يوم الأحد.");

    [Fact]
    public void A_conflict_in_the_summary_alone_is_the_summary_alone_with_the_changed_words_marked()
    {
        var yours = Theirs with { Summary = "حملة في جميع المدارس" };

        var fields = FieldConflicts.Of(Theirs, yours);

        var summary = Assert.Single(fields);
        Assert.Equal("summary", summary.Field);
        Assert.Equal(
            [new(DiffKind.Same, "حملة في جميع "), new(DiffKind.Removed, "المراكز الصحية"), new DiffSpan(DiffKind.Added, "المدارس")],
            summary.Words);
    }

    [Fact]
    public void Every_differing_field_is_listed_in_the_forms_order_and_equal_ones_are_left_out()
    {
        var yours = new DraftText("وزارة الصحة تعلن اليوم", Theirs.Slug, Theirs.Summary, "تبدأ الحملة يوم الاثنين.");

        Assert.Equal(["title", "body"], FieldConflicts.Of(Theirs, yours).Select(f => f.Field));
        Assert.Empty(FieldConflicts.Of(Theirs, Theirs));
    }

    [Fact]
    public void Line_endings_alone_are_no_conflict_and_do_not_show_in_the_diff()
    {
        var theirs = Theirs with { Body = "first line\nsecond line" };

        Assert.Empty(FieldConflicts.Of(theirs, theirs with { Body = "first line\r\nsecond line" }));
        var body = Assert.Single(FieldConflicts.Of(theirs, theirs with { Body = "first line\r\nthird line" }));
        Assert.Equal("first line\n<del>second</del><ins>third</ins> line", body.ToHtml());
    }

    [Fact]
    public void The_html_is_encoded_and_marks_theirs_as_deleted_and_yours_as_inserted()
    {
        var field = new FieldConflict("title", "a <b> & c", "a <i> & c");

        Assert.Equal("a <del>&lt;b&gt;</del><ins>&lt;i&gt;</ins> &amp; c", field.ToHtml());
    }

    [Fact]
    public void Lists_are_compared_as_sorted_items_one_a_line()
    {
        var theirs = FieldConflicts.Items(["Health", " Vaccines ", "Health"]);
        var yours = FieldConflicts.Items(["Schools", "Health"]);

        Assert.Equal("Health\nVaccines", theirs);
        var tags = Assert.Single(FieldConflicts.Differing(("tags", theirs, yours)));
        Assert.Equal("Health\n<del>Vaccines</del><ins>Schools</ins>", tags.ToHtml());
        Assert.Empty(FieldConflicts.Differing(("tags", FieldConflicts.Items(["b", "a"]), FieldConflicts.Items(["a", "b"]))));
    }

    [Fact]
    public void Only_fields_marked_theirs_are_taken_from_theirs()
    {
        var chosen = FieldConflicts.TheirsChosen(new Dictionary<string, string> { ["summary"] = "theirs", ["body"] = "yours", ["title"] = "nonsense" });

        Assert.Equal(["summary"], chosen);
        Assert.Empty(FieldConflicts.TheirsChosen(null));
    }

    [Fact]
    public void A_filing_is_the_same_whatever_the_order_of_categories_and_tags()
    {
        var filing = new ReleaseDetails(ReleaseType.News, [3, 1], ["Health", "Schools"]);

        Assert.True(filing.SameAs(new ReleaseDetails(ReleaseType.News, [1, 3], [" Schools", "Health"])));
        Assert.False(filing.SameAs(filing with { Type = ReleaseType.Statement }));
        Assert.False(filing.SameAs(filing with { CategoryIds = [1] }));
        Assert.False(filing.SameAs(filing with { TagNames = ["Health"] }));
    }
}
