namespace Simulation.IO.Scenarios;

/// <summary>"Did you mean" suggestions by edit distance.</summary>
public static class Spelling
{
    /// <summary>
    /// The closest candidate within a third of the word's length (at least 1, at most 3 edits), or null. A word that is
    /// a misspelt beginning of a candidate ("remitances" for "remittances_usd") counts as close too, one edit behind a
    /// whole match.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        if (word.Length > MaxWordLength)
        {
            // No key or name is this long; the distance table would cost len(word) x len(candidate) for nothing.
            return null;
        }
        string? best = null;
        int bestDistance = int.MaxValue;
        int allowed = Math.Clamp(word.Length / 3, 1, 3);
        string lower = word.ToLowerInvariant();
        foreach (string candidate in candidates)
        {
            if (candidate.Length > MaxWordLength)
            {
                continue;
            }
            string other = candidate.ToLowerInvariant();
            // At most 3 edits are ever suggested: a length difference beyond them rules the whole word out.
            int distance = Math.Abs(other.Length - lower.Length) > allowed ? int.MaxValue : Distance(lower, other);
            if (lower.Length >= 4 && other.Length > lower.Length + 1)
            {
                int prefix = Math.Min(Distance(lower, other[..lower.Length]), Distance(lower, other[..(lower.Length + 1)]));
                distance = Math.Min(distance, prefix + 1);
            }
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Longest word or candidate compared; longer ones get no suggestion.</summary>
    public const int MaxWordLength = 120;

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
