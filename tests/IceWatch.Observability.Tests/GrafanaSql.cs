using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IceWatch.Observability.Tests;

/// <summary>
/// Expands a panel's SQL the way Grafana's PostgreSQL data source does: template variables first
/// ($name, ${name}, ${name:sqlstring}; multi values quoted and comma-joined), then $__interval,
/// then the macros ($__timeFilter, $__timeFrom, $__timeTo, $__timeGroup, $__timeGroupAlias, $__time).
/// </summary>
public sealed partial class GrafanaSql(DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<string, IReadOnlyList<string>> variables)
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    public string Expand(string sql)
    {
        sql = Variable().Replace(sql, m =>
        {
            var name = m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["plain"].Value;
            if (name.StartsWith("__", StringComparison.Ordinal)) return m.Value;
            var values = variables.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"no value for the variable ${name}");
            var format = m.Groups["format"].Success ? m.Groups["format"].Value : null;
            // Grafana quotes for SQL when asked (sqlstring) and for multi-value variables.
            return format == "sqlstring" || values.Count > 1 ? string.Join(",", values.Select(Quote)) : values[0];
        });
        sql = sql.Replace("$__interval_ms", ((long)Interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture))
                 .Replace("$__interval", IntervalText(Interval));
        return ExpandMacros(sql);
    }

    private string ExpandMacros(string sql)
    {
        var result = new StringBuilder();
        var at = 0;
        for (var m = Macro().Match(sql); m.Success; m = Macro().Match(sql, at))
        {
            result.Append(sql, at, m.Index - at);
            var close = ClosingParen(sql, m.Index + m.Length - 1);
            var args = SplitArgs(sql[(m.Index + m.Length)..close]);
            result.Append(Replace(m.Groups[1].Value, args));
            at = close + 1;
        }
        return result.Append(sql, at, sql.Length - at).ToString();
    }

    private string Replace(string macro, IReadOnlyList<string> args) => macro switch
    {
        "timeFilter" => $"{args[0]} BETWEEN {Literal(from)} AND {Literal(to)}",
        "timeFrom" => Literal(from),
        "timeTo" => Literal(to),
        "time" => $"{args[0]} AS \"time\"",
        "timeGroup" => Group(args),
        "timeGroupAlias" => Group(args) + " AS \"time\"",
        _ => throw new NotSupportedException($"$__{macro} is not expanded by this test"),
    };

    private static string Group(IReadOnlyList<string> args)
    {
        var seconds = (long)ParseInterval(args[1].Trim().Trim('\'')).TotalSeconds;
        return $"floor(extract(epoch from {args[0]})/{seconds})*{seconds}";
    }

    private static string Literal(DateTimeOffset t) => "'" + t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) + "'";

    private static string Quote(string value) => "'" + value.Replace("'", "''") + "'";

    public static TimeSpan ParseInterval(string text)
    {
        var number = double.Parse(text[..^1], CultureInfo.InvariantCulture);
        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(number),
            'm' => TimeSpan.FromMinutes(number),
            'h' => TimeSpan.FromHours(number),
            'd' => TimeSpan.FromDays(number),
            _ => throw new FormatException($"interval '{text}'"),
        };
    }

    private static string IntervalText(TimeSpan interval) =>
        interval.TotalHours >= 1 && interval.TotalHours % 1 == 0 ? $"{interval.TotalHours}h"
        : interval.TotalMinutes >= 1 && interval.TotalMinutes % 1 == 0 ? $"{interval.TotalMinutes}m" : $"{interval.TotalSeconds}s";

    private static int ClosingParen(string sql, int open)
    {
        var depth = 0;
        for (var i = open; i < sql.Length; i++)
        {
            if (sql[i] == '(') depth++;
            else if (sql[i] == ')' && --depth == 0) return i;
        }
        throw new FormatException("unbalanced macro parentheses");
    }

    private static List<string> SplitArgs(string text)
    {
        var args = new List<string>();
        int depth = 0, start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (text[i] == ',' && depth == 0) { args.Add(text[start..i].Trim()); start = i + 1; }
        }
        if (text.Trim().Length > 0) args.Add(text[start..].Trim());
        return args;
    }

    [GeneratedRegex(@"\$\{(?<braced>\w+)(?::(?<format>\w+))?\}|\$(?<plain>[A-Za-z_]\w*)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\$__(timeFilter|timeFrom|timeTo|timeGroupAlias|timeGroup|time)\(")]
    private static partial Regex Macro();
}
