using System.Text;
using Simulation.IO.Scenarios;
using Simulation.IO.Yaml;

namespace Simulation.IO.Text;

/// <summary>
/// Reads a small text input (a scenario, an observation file) from a regular file (<see cref="InputFile"/>: a pipe or
/// a device is refused before it is opened). Never more than a byte limit is read, so a file that grows while it is
/// read is refused as too large instead of filling memory; a byte-order mark of UTF-8 is dropped and UTF-16 or UTF-32
/// is named.
/// </summary>
public static class TextFileReader
{
    /// <summary>The text of <paramref name="path"/>, or null after recording why it cannot be read as UTF-8 text.</summary>
    public static string? Read(string path, long maxBytes, ProblemList problems, string what)
    {
        var here = new SourcePosition(path, 0, 0);
        if (InputFile.Refusal(path, what) is { } refusal)
        {
            problems.Add(here, "", refusal);
            return null;
        }
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            using var buffer = new MemoryStream();
            var chunk = new byte[65536];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    problems.Add(here, "", $"holds more than {maxBytes:N0} bytes, too large for {what}; is it the right file?");
                    return null;
                }
            }
            bytes = buffer.ToArray();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Add(here, "", $"cannot be read: {exception.Message}");
            return null;
        }
        if (Encoding(bytes) is { } other)
        {
            problems.Add(here, "", $"is {other} text (from its byte-order mark); save it as UTF-8");
            return null;
        }
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        if (Array.IndexOf(bytes, (byte)0, start) >= 0)
        {
            problems.Add(here, "", $"is not a text file (it holds NUL bytes); {what} is UTF-8 text");
            return null;
        }
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(here, "", "is not valid UTF-8 text; save it as UTF-8");
            return null;
        }
    }

    private static string? Encoding(byte[] bytes) => bytes switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => "UTF-32 (little-endian)",
        [0x00, 0x00, 0xFE, 0xFF, ..] => "UTF-32 (big-endian)",
        [0xFF, 0xFE, ..] => "UTF-16 (little-endian)",
        [0xFE, 0xFF, ..] => "UTF-16 (big-endian)",
        _ => null,
    };
}
