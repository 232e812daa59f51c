namespace Bayan.Revisions;

/// <summary>
/// Lines up two sequences of strings along a longest common subsequence: Myers' O(ND) search,
/// run from both corners at once and split where the two searches meet, so memory stays linear
/// in the length of the texts and time grows with how much changed, not with their product.
/// </summary>
internal sealed class Alignment
{
    /// <summary>
    /// Steps of search allowed for one comparison, a fraction of a second. Two long texts that
    /// share many lines in a scrambled order could otherwise hold a back-office request for
    /// seconds; past the limit what is left is shown as replaced, which is correct, only coarser.
    /// </summary>
    internal const long DefaultWorkLimit = 20_000_000;

    private const int Unreached = -1;
    private const byte InOld = 1;
    private const byte InNew = 2;

    private readonly int[] a;
    private readonly int[] b;
    private readonly bool[] aChanged;
    private readonly bool[] bChanged;
    // Furthest point reached on each diagonal (x − y), stored as x relative to the range searched.
    private readonly int[] forward;
    private readonly int[] backward;
    private long work;

    private Alignment(int[] a, int[] b, long workLimit)
    {
        this.a = a;
        this.b = b;
        aChanged = new bool[a.Length];
        bChanged = new bool[b.Length];
        forward = new int[a.Length + b.Length + 3];
        backward = new int[a.Length + b.Length + 3];
        work = workLimit;
    }

    /// <summary>Every item of both sequences once, in reading order; in each change the removed items come before the added ones.</summary>
    public static IEnumerable<(DiffKind Kind, int Old, int New)> Align(IReadOnlyList<string> old, IReadOnlyList<string> @new, long workLimit = DefaultWorkLimit)
    {
        var (removed, added) = Changes(old, @new, workLimit);
        int i = 0, j = 0;
        while (i < old.Count || j < @new.Count)
        {
            if (i < old.Count && removed[i])
                yield return (DiffKind.Removed, i++, -1);
            else if (j < @new.Count && added[j])
                yield return (DiffKind.Added, -1, j++);
            else
                yield return (DiffKind.Same, i++, j++);
        }
    }

    private static (bool[] Removed, bool[] Added) Changes(IReadOnlyList<string> old, IReadOnlyList<string> @new, long workLimit)
    {
        // Equal strings share one number, so the search compares integers, not text.
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var sides = new List<byte>();
        var oldNumbers = Number(old, numbers, sides, InOld);
        var newNumbers = Number(@new, numbers, sides, InNew);

        // A line present on one side only can never be common, so it is settled before the
        // search; a rewritten body then costs almost nothing, and the result stays the same.
        var oldKept = Shared(oldNumbers, sides);
        var newKept = Shared(newNumbers, sides);
        var search = new Alignment(
            [.. oldKept.Select(i => oldNumbers[i])], [.. newKept.Select(j => newNumbers[j])], workLimit);
        search.Compare(0, search.a.Length, 0, search.b.Length);

        var removed = new bool[old.Count];
        var added = new bool[@new.Count];
        Array.Fill(removed, true);
        Array.Fill(added, true);
        for (var k = 0; k < oldKept.Count; k++)
            removed[oldKept[k]] = search.aChanged[k];
        for (var k = 0; k < newKept.Count; k++)
            added[newKept[k]] = search.bChanged[k];
        return (removed, added);
    }

    private static int[] Number(IReadOnlyList<string> items, Dictionary<string, int> numbers, List<byte> sides, byte side)
    {
        var result = new int[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (!numbers.TryGetValue(items[i], out var number))
            {
                number = sides.Count;
                numbers.Add(items[i], number);
                sides.Add(0);
            }
            sides[number] |= side;
            result[i] = number;
        }
        return result;
    }

    private static List<int> Shared(int[] numbers, List<byte> sides)
    {
        var kept = new List<int>();
        for (var i = 0; i < numbers.Length; i++)
        {
            if (sides[numbers[i]] == (InOld | InNew))
                kept.Add(i);
        }
        return kept;
    }

    /// <summary>Marks the changed items of a[aLo..aHi) against b[bLo..bHi).</summary>
    private void Compare(int aLo, int aHi, int bLo, int bHi)
    {
        while (aLo < aHi && bLo < bHi && a[aLo] == b[bLo])
        {
            aLo++;
            bLo++;
        }
        while (aLo < aHi && bLo < bHi && a[aHi - 1] == b[bHi - 1])
        {
            aHi--;
            bHi--;
        }
        if (aLo == aHi || bLo == bHi || !TryFindMiddle(aLo, aHi, bLo, bHi, out var x, out var y))
        {
            Array.Fill(aChanged, true, aLo, aHi - aLo);
            Array.Fill(bChanged, true, bLo, bHi - bLo);
            return;
        }
        // Each half holds half the edits, so the recursion is only about log(edits) deep.
        Compare(aLo, x, bLo, y);
        Compare(x, aHi, y, bHi);
    }

    /// <summary>
    /// A point on a shortest edit path of the range, strictly between its corners. Both ends of
    /// the range differ (Compare trimmed them), which is what keeps the point off the corners.
    /// </summary>
    private bool TryFindMiddle(int aLo, int aHi, int bLo, int bHi, out int middleA, out int middleB)
    {
        int n = aHi - aLo, m = bHi - bLo, delta = n - m, shift = m + 1;
        var odd = (delta & 1) != 0;
        Array.Fill(forward, Unreached, 0, n + m + 3);
        Array.Fill(backward, Unreached, 0, n + m + 3);

        for (var d = 0; d <= (n + m + 1) / 2 && work > 0; d++)
        {
            // Forward: d edits from the top-left corner, on diagonals −d..d that lie on the grid.
            for (var k = FirstDiagonal(-d, -m, d); k <= Math.Min(d, n); k += 2)
            {
                var down = forward[shift + k + 1];
                var right = forward[shift + k - 1];
                var canDown = down != Unreached && down - (k + 1) < m;
                var canRight = right != Unreached && right < n;
                int x;
                if (d == 0)
                    x = 0;
                else if (canDown && (!canRight || down > right))
                    x = down;
                else if (canRight)
                    x = right + 1;
                else
                {
                    forward[shift + k] = Unreached;
                    continue;
                }
                var y = x - k;
                var start = x;
                while (x < n && y < m && a[aLo + x] == b[bLo + y])
                {
                    x++;
                    y++;
                }
                work -= 1 + x - start;
                forward[shift + k] = x;
                // Cost to the end never grows further along a diagonal, so meeting or passing the
                // backward search here means this point lies on a path of 2d − 1 edits.
                var meetsBackward = odd && k >= delta - (d - 1) && k <= delta + (d - 1)
                    && backward[shift + k] != Unreached && x >= backward[shift + k];
                if (meetsBackward)
                {
                    (middleA, middleB) = (aLo + x, bLo + y);
                    return true;
                }
            }

            // Backward: d edits from the bottom-right corner, on diagonals delta−d..delta+d.
            for (var k = FirstDiagonal(delta - d, -m, delta + d); k <= Math.Min(delta + d, n); k += 2)
            {
                var left = backward[shift + k + 1];
                var up = backward[shift + k - 1];
                var canLeft = left != Unreached && left > 0;
                var canUp = up != Unreached && up - (k - 1) > 0;
                int x;
                if (d == 0)
                    x = n;
                else if (canUp && (!canLeft || up < left - 1))
                    x = up;
                else if (canLeft)
                    x = left - 1;
                else
                {
                    backward[shift + k] = Unreached;
                    continue;
                }
                var y = x - k;
                var start = x;
                while (x > 0 && y > 0 && a[aLo + x - 1] == b[bLo + y - 1])
                {
                    x--;
                    y--;
                }
                work -= 1 + start - x;
                backward[shift + k] = x;
                var meetsForward = !odd && k >= -d && k <= d
                    && forward[shift + k] != Unreached && forward[shift + k] >= x;
                if (meetsForward)
                {
                    (middleA, middleB) = (aLo + x, bLo + y);
                    return true;
                }
            }
        }
        (middleA, middleB) = (0, 0);
        return false;
    }

    /// <summary>The lowest diagonal at or above both bounds with the parity every diagonal of this step shares.</summary>
    private static int FirstDiagonal(int lowest, int gridEdge, int parity)
    {
        var first = Math.Max(lowest, gridEdge);
        return ((first - parity) & 1) == 0 ? first : first + 1;
    }
}
