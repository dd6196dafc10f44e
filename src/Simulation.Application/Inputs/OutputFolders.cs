using System.Security.Cryptography;
using System.Text;

namespace Simulation.Application.Inputs;

/// <summary>
/// Default output folders: out/NAME-QUESTION, where the question holds what makes this verb's answer differ (the
/// condition of a discovery, the levers and ranges of a sweep), and a hash of the --set assignments when any changed
/// the file, so that different questions never share a folder.
/// </summary>
public static class OutputFolders
{
    /// <summary>Longest folder name made from the question before it is shortened with a hash.</summary>
    private const int MaxReadableLength = 80;

    /// <summary>
    /// out/<paramref name="name"/>[-<paramref name="question"/>][-modified-HASH]; a question is made file-name safe and,
    /// when long, shortened with a hash of its whole text.
    /// </summary>
    public static string Default(string name, string? question, IReadOnlyList<string> assignments)
    {
        string folder = name;
        if (!string.IsNullOrEmpty(question))
        {
            string slug = Slug(question);
            if (slug.Length > MaxReadableLength)
            {
                slug = slug[..(MaxReadableLength - 9)].TrimEnd('-') + "-" + Hash(question);
            }
            folder += "-" + slug;
        }
        if (assignments.Count > 0)
        {
            folder += "-modified-" + Hash(string.Join("\n", assignments));
        }
        return Path.Combine("out", folder);
    }

    /// <summary>The first 8 hex digits of SHA-256 of <paramref name="text"/>.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];

    /// <summary>Letters, digits, '.', '_' kept; comparisons in words; every other run of characters one '-'.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder();
        string spaced = text.Replace(">=", " ge ", StringComparison.Ordinal).Replace("<=", " le ", StringComparison.Ordinal)
            .Replace(">", " gt ", StringComparison.Ordinal).Replace("<", " lt ", StringComparison.Ordinal).Replace("=", " ", StringComparison.Ordinal);
        foreach (char c in spaced)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '+')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        return builder.ToString().Trim('-');
    }

    /// <summary>
    /// compare-A-vs-B for two or three short names; otherwise the first name, how many others and a short hash of all
    /// of them, so that the folder name stays far below the file system's limit of 255 bytes.
    /// </summary>
    public static string Comparison(IReadOnlyList<string> names)
    {
        string joined = "compare-" + string.Join("-vs-", names);
        if (joined.Length <= MaxReadableLength)
        {
            return joined;
        }
        string head = names[0].Length > 40 ? names[0][..40] : names[0];
        return $"compare-{head}-and-{names.Count - 1}-more-{Hash(string.Join("\n", names))}";
    }
}
