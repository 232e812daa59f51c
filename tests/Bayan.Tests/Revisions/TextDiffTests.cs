using AngleSharp.Html.Parser;
using Bayan.Revisions;

namespace Bayan.Tests.Revisions;

/// <summary>Line and word differences between two revisions, and the table the back office shows.</summary>
public sealed class TextDiffTests
{
    private const DiffKind Same = DiffKind.Same;
    private const DiffKind Added = DiffKind.Added;
    private const DiffKind Removed = DiffKind.Removed;

    [Fact]
    public void Identical_texts_are_all_same_lines()
    {
        var lines = TextDiff.Lines("one\ntwo\nthree", "one\ntwo\nthree");

        Assert.Equal(
            [new(Same, "one", 1, 1), new(Same, "two", 2, 2), new DiffLine(Same, "three", 3, 3)],
            lines);
    }

    [Fact]
    public void Two_empty_texts_have_no_lines()
    {
        Assert.Empty(TextDiff.Lines("", ""));
        Assert.Equal("<table class=\"diff\"></table>", TextDiff.ToHtml([]));
    }

    [Fact]
    public void From_an_empty_text_every_line_is_added()
    {
        var lines = TextDiff.Lines("", "one\ntwo");

        Assert.Equal([new(Added, "one", null, 1), new DiffLine(Added, "two", null, 2)], lines);
    }

    [Fact]
    public void To_an_empty_text_every_line_is_removed()
    {
        var lines = TextDiff.Lines("one\ntwo", "");

        Assert.Equal([new(Removed, "one", 1, null), new DiffLine(Removed, "two", 2, null)], lines);
    }

    [Theory]
    [InlineData("new\na\nb\nc", 1)]
    [InlineData("a\nb\nnew\nc", 3)]
    [InlineData("a\nb\nc\nnew", 4)]
    public void An_inserted_line_is_the_only_added_line(string after, int at)
    {
        var lines = TextDiff.Lines("a\nb\nc", after);

        var added = Assert.Single(lines, l => l.Kind != Same);
        Assert.Equal(new DiffLine(Added, "new", null, at), added);
        Assert.Equal(["a", "b", "c"], lines.Where(l => l.Kind == Same).Select(l => l.Text));
        AssertWellFormed("a\nb\nc", after, lines);
    }

    [Fact]
    public void A_deleted_line_keeps_the_numbers_of_both_sides()
    {
        var lines = TextDiff.Lines("a\nb\nc\nd", "a\nc\nd");

        Assert.Equal(
            [new(Same, "a", 1, 1), new(Removed, "b", 2, null), new(Same, "c", 3, 2), new DiffLine(Same, "d", 4, 3)],
            lines);
    }

    [Fact]
    public void A_changed_line_is_removed_then_added()
    {
        var lines = TextDiff.Lines("title\nold line\nend", "title\nnew line\nend");

        Assert.Equal(
            [new(Same, "title", 1, 1), new(Removed, "old line", 2, null), new(Added, "new line", null, 2), new DiffLine(Same, "end", 3, 3)],
            lines);
    }

    [Fact]
    public void Several_changed_lines_show_all_removed_before_all_added()
    {
        var lines = TextDiff.Lines("a\nb\nc\nd", "a\nB\nC\nd");

        Assert.Equal([Same, Removed, Removed, Added, Added, Same], lines.Select(l => l.Kind));
    }

    [Fact]
    public void Windows_line_endings_are_not_a_change()
    {
        const string unix = "أعلنت وزارة الصحة\nاليوم\n";
        const string windows = "أعلنت وزارة الصحة\r\nاليوم\r\n";

        Assert.All(TextDiff.Lines(windows, unix), l => Assert.Equal(Same, l.Kind));
        Assert.True(TextDiff.AreEqual(windows, unix));
        Assert.DoesNotContain(TextDiff.Lines(windows, unix), l => l.Text.Contains('\r'));
    }

    [Theory]
    [InlineData("a\nb", "a\nb ")]
    [InlineData("a\nb", "a\nb\n")]
    [InlineData("a\r\nb", "a\rb")]
    [InlineData("Ahmad", "ahmad")]
    public void Only_line_endings_are_ignored_when_comparing(string a, string b) =>
        Assert.False(TextDiff.AreEqual(a, b));

    [Fact]
    public void One_changed_word_in_an_arabic_sentence()
    {
        var spans = TextDiff.Words("أعلنت وزارة الصحة اليوم", "أعلنت وزارة الصحة أمس");

        Assert.Equal([new(Same, "أعلنت وزارة الصحة "), new(Removed, "اليوم"), new DiffSpan(Added, "أمس")], spans);
    }

    [Fact]
    public void A_word_added_at_the_end_does_not_mark_the_word_before_it()
    {
        var spans = TextDiff.Words("press release", "press release today");

        Assert.Equal([new(Same, "press release"), new DiffSpan(Added, " today")], spans);
    }

    [Fact]
    public void Adjacent_changed_words_read_as_one_removal_and_one_addition()
    {
        var spans = TextDiff.Words("the minister said", "a spokesman said");

        Assert.Equal([new(Removed, "the minister"), new(Added, "a spokesman"), new DiffSpan(Same, " said")], spans);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("", "new words")]
    [InlineData("old words", "")]
    [InlineData("  leading and trailing  ", "leading\tand  trailing")]
    [InlineData("same", "same")]
    [InlineData("وزارة الصحة", "وزارة  الصحة\u00A0اليوم")]
    public void Word_spans_spell_both_lines_exactly(string before, string after) =>
        AssertSpellsBoth(before, after, TextDiff.Words(before, after));

    [Fact]
    public void Random_lines_are_reconstructed_and_the_common_part_is_the_longest()
    {
        var random = new Random(20240521);
        string[] pool = ["a", "b", "c", "", "أمس", "اليوم"];
        for (var run = 0; run < 2_000; run++)
        {
            // Few distinct lines, so most lines could match several others: the hard case for a search.
            var distinct = random.Next(1, pool.Length + 1);
            var before = RandomText(random, pool[..distinct], random.Next(0, 30));
            var after = RandomText(random, pool[..distinct], random.Next(0, 30));

            var lines = TextDiff.Lines(before, after);

            AssertWellFormed(before, after, lines);
            Assert.Equal(LongestCommonLength(Split(before), Split(after)), lines.Count(l => l.Kind == Same));
        }
    }

    [Fact]
    public void Random_words_are_reconstructed()
    {
        var random = new Random(7);
        const string alphabet = "ab ب\tc  ";
        for (var run = 0; run < 500; run++)
        {
            var before = new string([.. Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var after = new string([.. Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            AssertSpellsBoth(before, after, TextDiff.Words(before, after));
        }
    }

    [Fact]
    public void Three_changes_in_five_thousand_lines_are_exactly_three_changes()
    {
        var before = Enumerable.Range(1, 5_000).Select(i => i % 7 == 0 ? "" : $"Paragraph {i} of the annual report.").ToArray();
        var after = (string[])before.Clone();
        after[9] = "Paragraph 10, corrected.";
        after[2_499] = "Paragraph 2500, corrected.";
        after[4_989] = "Paragraph 4990, corrected.";

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var lines = TextDiff.Lines(string.Join("\n", before), string.Join("\n", after));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal(
            [new(Removed, before[9], 10, null), new(Added, after[9], null, 10),
             new(Removed, before[2_499], 2_500, null), new(Added, after[2_499], null, 2_500),
             new(Removed, before[4_989], 4_990, null), new DiffLine(Added, after[4_989], null, 4_990)],
            lines.Where(l => l.Kind != Same));
        Assert.Equal(4_997, lines.Count(l => l.Kind == Same));
        // A table of every pair of lines would be 5,000 × 5,000 × 4 bytes = 100 MB.
        Assert.True(allocated < 10_000_000, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_rewritten_long_body_still_gives_a_correct_difference()
    {
        // Every paragraph changes but the blank lines between them are shared: the hard case.
        var before = string.Join("\n", Enumerable.Range(1, 2_500).Select(i => $"Old paragraph {i}\n"));
        var after = string.Join("\n", Enumerable.Range(1, 2_500).Select(i => $"New paragraph {i}\n"));

        var lines = TextDiff.Lines(before, after);

        AssertWellFormed(before, after, lines);
        Assert.Equal(2_500, lines.Count(l => l.Kind == Removed));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(40)]
    public void When_the_search_stops_early_the_difference_is_coarser_but_still_correct(long workLimit)
    {
        var random = new Random(11);
        for (var run = 0; run < 200; run++)
        {
            var old = Enumerable.Range(0, random.Next(0, 30)).Select(_ => "ab"[random.Next(2)].ToString()).ToArray();
            var @new = Enumerable.Range(0, random.Next(0, 30)).Select(_ => "ab"[random.Next(2)].ToString()).ToArray();

            var steps = Alignment.Align(old, @new, workLimit).ToList();

            Assert.Equal(old, steps.Where(s => s.Kind != Added).Select(s => old[s.Old]));
            Assert.Equal(@new, steps.Where(s => s.Kind != Removed).Select(s => @new[s.New]));
            Assert.All(steps.Where(s => s.Kind == Same), s => Assert.Equal(old[s.Old], @new[s.New]));
        }
    }

    [Fact]
    public void Html_in_the_text_is_encoded()
    {
        var html = TextDiff.ToHtml(TextDiff.Lines("intro\n<b>bold</b> & \"quoted\"", "intro\n<script>alert(1)</script>"));

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public void A_changed_arabic_line_marks_only_the_changed_word_and_stays_readable()
    {
        var html = TextDiff.ToHtml(TextDiff.Lines("العنوان\nأعلنت وزارة الصحة اليوم", "العنوان\nأعلنت وزارة الصحة أمس"));

        Assert.Contains("<td dir=\"auto\">أعلنت وزارة الصحة <del>اليوم</del></td>", html);
        Assert.Contains("<td dir=\"auto\">أعلنت وزارة الصحة <ins>أمس</ins></td>", html);
        Assert.DoesNotContain("&#", html);
    }

    [Fact]
    public void The_table_has_one_row_per_line_with_its_numbers_and_text()
    {
        const string before = "Title\n\nold <summary>\nkept\ngone";
        const string after = "Title\n\nnew <summary>\nkept\nadded & more";
        var lines = TextDiff.Lines(before, after);

        var rows = new HtmlParser().ParseDocument(TextDiff.ToHtml(lines)).QuerySelectorAll("table.diff tr");

        Assert.Equal(lines.Count, rows.Length);
        foreach (var (line, row) in lines.Zip(rows))
        {
            var cells = row.Children;
            Assert.Equal(line.Kind.ToString().ToLowerInvariant(), row.ClassName);
            Assert.Equal(line.OldNumber?.ToString() ?? "", cells[0].TextContent);
            Assert.Equal(line.NewNumber?.ToString() ?? "", cells[1].TextContent);
            Assert.Equal(line.Text, cells[2].TextContent);
            Assert.Equal("auto", cells[2].GetAttribute("dir"));
        }
    }

    [Fact]
    public void Runs_of_changed_lines_are_compared_word_by_word_in_order()
    {
        var html = TextDiff.ToHtml(TextDiff.Lines("keep\nfirst old\nsecond old\nkeep", "keep\nfirst new\nsecond new\nkeep"));

        var rows = new HtmlParser().ParseDocument(html).QuerySelectorAll("tr");

        Assert.Equal(
            ["same:keep", "removed:first <del>old</del>", "removed:second <del>old</del>", "added:first <ins>new</ins>", "added:second <ins>new</ins>", "same:keep"],
            rows.Select(r => $"{r.ClassName}:{r.Children[2].InnerHtml}"));
    }

    [Fact]
    public void Unequal_runs_of_changed_lines_are_marked_whole()
    {
        var html = TextDiff.ToHtml(TextDiff.Lines("one old", "one new\nanother"));

        var rows = new HtmlParser().ParseDocument(html).QuerySelectorAll("tr");

        Assert.Equal(
            ["removed:<del>one old</del>", "added:<ins>one new</ins>", "added:<ins>another</ins>"],
            rows.Select(r => $"{r.ClassName}:{r.Children[2].InnerHtml}"));
    }

    /// <summary>Both texts come back from the lines, numbers count up on each side, and removals come first in every change.</summary>
    private static void AssertWellFormed(string before, string after, IReadOnlyList<DiffLine> lines)
    {
        Assert.Equal(before.Replace("\r\n", "\n"), string.Join("\n", lines.Where(l => l.Kind != Added).Select(l => l.Text)));
        Assert.Equal(after.Replace("\r\n", "\n"), string.Join("\n", lines.Where(l => l.Kind != Removed).Select(l => l.Text)));
        Assert.Equal(Enumerable.Range(1, lines.Count(l => l.Kind != Added)).Cast<int?>(), lines.Where(l => l.Kind != Added).Select(l => l.OldNumber));
        Assert.Equal(Enumerable.Range(1, lines.Count(l => l.Kind != Removed)).Cast<int?>(), lines.Where(l => l.Kind != Removed).Select(l => l.NewNumber));
        Assert.All(lines.Where(l => l.Kind == Added), l => Assert.Null(l.OldNumber));
        Assert.All(lines.Where(l => l.Kind == Removed), l => Assert.Null(l.NewNumber));
        for (var i = 1; i < lines.Count; i++)
            Assert.False(lines[i - 1].Kind == Added && lines[i].Kind == Removed, $"line {i}: removed after added");
    }

    private static void AssertSpellsBoth(string before, string after, IReadOnlyList<DiffSpan> spans)
    {
        Assert.Equal(before, string.Concat(spans.Where(s => s.Kind != Added).Select(s => s.Text)));
        Assert.Equal(after, string.Concat(spans.Where(s => s.Kind != Removed).Select(s => s.Text)));
        Assert.DoesNotContain(spans, s => s.Text.Length == 0);
    }

    private static string RandomText(Random random, string[] pool, int lines) =>
        string.Join(random.Next(2) == 0 ? "\n" : "\r\n", Enumerable.Range(0, lines).Select(_ => pool[random.Next(pool.Length)]));

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Replace("\r\n", "\n").Split('\n');

    /// <summary>The textbook quadratic table, fine for a dozen lines, to check the fast answer is also the best one.</summary>
    private static int LongestCommonLength(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                table[i, j] = a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
        return table[0, 0];
    }
}
