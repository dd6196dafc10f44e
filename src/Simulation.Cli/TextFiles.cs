using System.Text;

namespace Simulation.Cli;

/// <summary>Writes UTF-8 text files (no byte-order mark) and JSON streams in output folders.</summary>
internal static class TextFiles
{
    public static void Write(string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        write(writer);
    }

    public static void WriteStream(string path, Action<Stream> write)
    {
        using var stream = File.Create(path);
        write(stream);
    }
}
