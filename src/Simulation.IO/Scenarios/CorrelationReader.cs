using System.Globalization;
using System.Text;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>
/// Reads <c>correlations:</c>: a list of {between: [INPUT, INPUT], rho: R}, Spearman rank correlations between
/// uncertain inputs named by key path. A matrix that is not a valid correlation matrix is repaired to the nearest one
/// (Higham) with a warning that shows both, or refused with <c>strict</c>.
/// </summary>
internal static class CorrelationReader
{
    private const string Example = "{between: [pay.wage, pay.state_share], rho: -0.4}";

    private static readonly string[] Keys = ["between", "rho"];

    /// <summary>The correlations, in file order; null after recording problems.</summary>
    public static IReadOnlyList<InputCorrelation>? Read(YamlNode node, Scenario scenario, ProblemList problems, ProblemList warnings, bool strict)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return [];
        }
        if (node is not YamlSequence sequence)
        {
            problems.Add(node, "correlations", $"must be a list such as [{Example}], got {node.Describe()}");
            return null;
        }
        if (sequence.Items.Count > ParameterCatalogue.MaxListItems)
        {
            problems.Add(node, "correlations", $"has {sequence.Items.Count} entries; at most {ParameterCatalogue.MaxListItems} are allowed");
            return null;
        }
        int before = problems.Count;
        var parameterNames = scenario.Parameters().Select(p => p.KeyPath).ToList();
        var uncertain = scenario.UncertainInputs().Select(i => i.KeyPath).ToList();
        var calibrated = scenario.Posterior?.KeyPaths ?? [];
        var correlations = new List<InputCorrelation>();
        var seen = new Dictionary<(string, string), int>();
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            string itemPath = $"correlations[{i}]";
            var fields = ItemFields.Read(sequence.Items[i], itemPath, Keys, Example, problems);
            if (fields is null)
            {
                continue;
            }
            var between = fields.Required("between", itemPath, Example, problems);
            var rhoNode = fields.Required("rho", itemPath, Example, problems);
            if (between is null || rhoNode is null)
            {
                continue;
            }
            if (between is not YamlSequence { Items.Count: 2 } pair || pair.Items.Any(n => n is not YamlScalar { IsNull: false }))
            {
                problems.Add(between, itemPath + ".between", $"must name two inputs, e.g. [pay.wage, pay.state_share], got {between.Describe()}");
                continue;
            }
            var names = pair.Items.Select(n => ((YamlScalar)n).Value.Trim()).ToArray();
            bool namesOk = true;
            for (int k = 0; k < 2; k++)
            {
                string name = names[k];
                var at = pair.Items[k];
                if (!parameterNames.Contains(name))
                {
                    string? closest = Spelling.Closest(name, parameterNames);
                    problems.Add(at, itemPath + ".between", $"'{name}' is not an input of this scenario{(closest is null ? "" : $"; did you mean '{closest}'?")} (laborsim validate --defaults lists the keys)");
                    namesOk = false;
                }
                else if (!uncertain.Contains(name))
                {
                    problems.Add(at, itemPath + ".between", $"'{name}' is a plain number in this scenario, so it cannot vary with another input; give it a distribution, e.g. {{dist: uniform, min: ..., max: ...}}, or drop this correlation");
                    namesOk = false;
                }
                else if (calibrated.Contains(name))
                {
                    problems.Add(at, itemPath + ".between", $"'{name}' is drawn jointly with the other calibrated inputs from the posterior, which already carries their correlations; drop this correlation");
                    namesOk = false;
                }
            }
            if (namesOk && names[0] == names[1])
            {
                problems.Add(between, itemPath + ".between", $"names '{names[0]}' twice; a correlation is between two different inputs");
                namesOk = false;
            }
            bool rhoOk = ScalarReader.TryNumber(rhoNode, itemPath + ".rho", problems, out double rho);
            if (rhoOk && !(rho >= -1 && rho <= 1))
            {
                problems.Add(rhoNode, itemPath + ".rho", $"must lie between -1 and 1, got {rho.ToString(CultureInfo.InvariantCulture)}");
                rhoOk = false;
            }
            if (!namesOk || !rhoOk)
            {
                continue;
            }
            var key = string.CompareOrdinal(names[0], names[1]) < 0 ? (names[0], names[1]) : (names[1], names[0]);
            if (seen.TryGetValue(key, out int line))
            {
                problems.Add(sequence.Items[i], itemPath, $"correlates {names[0]} and {names[1]} again (first at line {line}); keep one");
                continue;
            }
            seen[key] = sequence.Items[i].Position.Line;
            correlations.Add(new InputCorrelation(names[0], names[1], rho));
        }
        if (problems.Count > before)
        {
            return null;
        }
        if ((scenario with { Correlations = correlations }).Copula() is { IsRepaired: true } copula)
        {
            string message = $"is not a valid correlation matrix (smallest eigenvalue {copula.SmallestEigenvalue.ToString("0.000", CultureInfo.InvariantCulture)}): "
                + $"no set of inputs can have these correlations together. Asked for:\n{Matrix(copula.Names, copula.Requested)}";
            if (strict)
            {
                problems.Add(node, "correlations", message + "\nthe nearest valid matrix (Higham 2002) would be:\n" + Matrix(copula.Names, copula.Used)
                    + "\nlower the correlations that conflict, or drop --strict to use the nearest valid matrix");
                return null;
            }
            warnings.Add(node, "correlations", message + "\nusing the nearest valid matrix (Higham 2002) instead:\n" + Matrix(copula.Names, copula.Used)
                + "\n(--strict refuses the file instead)");
        }
        return correlations;
    }

    /// <summary>A small matrix as aligned text, rows labelled with the inputs.</summary>
    public static string Matrix(IReadOnlyList<string> names, double[,] matrix)
    {
        int width = names.Max(n => n.Length);
        var text = new StringBuilder();
        for (int i = 0; i < names.Count; i++)
        {
            text.Append("  ").Append(names[i].PadRight(width));
            for (int j = 0; j < names.Count; j++)
            {
                text.Append(' ').Append(matrix[i, j].ToString("0.000", CultureInfo.InvariantCulture).PadLeft(7));
            }
            if (i < names.Count - 1)
            {
                text.Append('\n');
            }
        }
        return text.ToString();
    }
}
