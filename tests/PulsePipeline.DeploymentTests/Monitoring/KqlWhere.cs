using System.Text.RegularExpressions;

namespace PulsePipeline.DeploymentTests.Monitoring;

/// <summary>
/// Runs an alert query of the shape <c>traces | where message contains "x" or message has "y" …</c> over log lines, with
/// Kusto's meaning of each operator (contains: substring, case-insensitive; contains_cs: case-sensitive; has: a whole
/// term, case-insensitive), and/or and parentheses. Anything else in the query is refused, so an alert edited beyond
/// this subset fails its test instead of being judged wrongly.
/// </summary>
internal sealed partial class KqlWhere
{
    private readonly List<string> tokens;
    private int at;

    private KqlWhere(string predicate)
    {
        tokens = [.. Token().Matches(predicate).Select(m => m.Value)];
        var rest = Token().Replace(predicate, " ").Trim();
        if (rest.Length > 0)
        {
            throw new NotSupportedException($"cannot read '{rest}' in the query");
        }
    }

    /// <summary>The lines of table <paramref name="table"/> the query keeps.</summary>
    public static Func<string, bool> Compile(string query, string table)
    {
        var match = Query().Match(query);
        if (!match.Success || match.Groups["table"].Value != table)
        {
            throw new NotSupportedException($"not a query of the form `{table} | where …`: {query}");
        }

        var parser = new KqlWhere(match.Groups["predicate"].Value);
        var predicate = parser.Or();
        return parser.at == parser.tokens.Count ? predicate : throw new NotSupportedException($"cannot read the query past '{parser.tokens[parser.at]}'");
    }

    private Func<string, bool> Or()
    {
        var left = And();
        while (Accept("or"))
        {
            var (a, b) = (left, And());
            left = line => a(line) || b(line);
        }

        return left;
    }

    private Func<string, bool> And()
    {
        var left = Term();
        while (Accept("and"))
        {
            var (a, b) = (left, Term());
            left = line => a(line) && b(line);
        }

        return left;
    }

    private Func<string, bool> Term()
    {
        if (Accept("("))
        {
            var inner = Or();
            return Accept(")") ? inner : throw new NotSupportedException("a '(' without its ')'");
        }

        if (!Accept("message") || at + 1 >= tokens.Count || !tokens[at + 1].StartsWith('"'))
        {
            throw new NotSupportedException($"expected `message <operator> \"literal\"` at '{(at < tokens.Count ? tokens[at] : "the end")}'");
        }

        var op = tokens[at];
        var literal = Regex.Unescape(tokens[at + 1][1..^1]);
        at += 2;
        return op switch
        {
            "contains" => line => line.Contains(literal, StringComparison.OrdinalIgnoreCase),
            "contains_cs" => line => line.Contains(literal, StringComparison.Ordinal),
            "has" => line => Regex.IsMatch(line, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(literal)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase),
            _ => throw new NotSupportedException($"operator '{op}'"),
        };
    }

    private bool Accept(string token)
    {
        if (at < tokens.Count && tokens[at] == token)
        {
            at++;
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^\s*(?<table>\w+)\s*\|\s*where\s+(?<predicate>.+?)\s*$", RegexOptions.Singleline)]
    private static partial Regex Query();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|[()]|[A-Za-z_]+")]
    private static partial Regex Token();
}
