namespace Simulation.Plotting;

/// <summary>Axis and cell labels broken into short lines, so a long name does not eat the width the data needs.</summary>
public static class LabelWrap
{
    /// <summary>
    /// <paramref name="text"/> broken at <paramref name="breakAt"/> into lines of at most about
    /// <paramref name="width"/> characters (a part longer than that keeps its own line). A visible separator ('.', '-')
    /// stays at the end of the line it ends, so "close-study-route" reads "close-study-" / "route"; a space goes.
    /// </summary>
    public static string Lines(string text, char breakAt, int width)
    {
        string join = breakAt.ToString();
        string end = breakAt == ' ' ? "" : join;
        var lines = new List<string>();
        string line = "";
        foreach (string part in text.Split(breakAt))
        {
            string next = line.Length == 0 ? part : line + join + part;
            if (line.Length > 0 && next.Length > width)
            {
                lines.Add(line + end);
                line = part;
            }
            else
            {
                line = next;
            }
        }
        lines.Add(line);
        return string.Join('\n', lines);
    }
}
