namespace Simulation.Core.Requests;

/// <summary>
/// Why a request cannot run, before anything runs: <paramref name="Subject"/> names what is wrong as the user gave it
/// ("--paths 5000", "--samples"), empty for the scenario as a whole; <paramref name="Message"/> says what is expected.
/// </summary>
public sealed record RequestProblem(string Subject, string Message)
{
    /// <summary>A problem with an option and the value given for it.</summary>
    public static RequestProblem Option(string option, object? value, string message) =>
        new(value is null ? $"--{option}" : $"--{option} {Format(value)}", message);

    private static string Format(object value) => value switch
    {
        double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <inheritdoc />
    public override string ToString() => Subject.Length > 0 ? $"{Subject}: {Message}" : Message;
}
