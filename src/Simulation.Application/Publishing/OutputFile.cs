using System.Text;

namespace Simulation.Application.Publishing;

/// <summary>A file of an output folder: its name (declared beside its writer) and how to write it.</summary>
/// <param name="Name">File name inside the folder, possibly with a subfolder ("logs/").</param>
/// <param name="Write">Writes the whole file to the stream.</param>
public sealed record OutputFile(string Name, Action<Stream> Write)
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>A UTF-8 text file (no byte-order mark) written through a <see cref="TextWriter"/>.</summary>
    public static OutputFile Text(string name, Action<TextWriter> write) => new(name, stream =>
    {
        using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true);
        write(writer);
    });

    /// <summary>A UTF-8 text file with the given content.</summary>
    public static OutputFile Text(string name, string text) => new(name, stream => stream.Write(Utf8.GetBytes(text)));

    /// <summary>When set, the file is made executable (scripts).</summary>
    public bool Executable { get; init; }
}
