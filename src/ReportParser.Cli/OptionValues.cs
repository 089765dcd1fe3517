using System.CommandLine;

namespace ReportParser.Cli;

/// <summary>Options whose value is one word of a fixed list, read regardless of case (<c>-f CSV</c> is <c>-f csv</c>).</summary>
internal static class OptionValues
{
    /// <summary>
    /// Makes <paramref name="option"/> take one of <paramref name="values"/> (lower case) in any case: the value is
    /// read lower-cased, anything else is a usage error naming the choices; the choices are its completions.
    /// </summary>
    public static void OneOf(Option<string?> option, params string[] values)
    {
        option.CustomParser = result => result.Tokens.Count == 0 ? null : result.Tokens[^1].Value.ToLowerInvariant();
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && Array.IndexOf(values, result.Tokens[^1].Value.ToLowerInvariant()) < 0)
            {
                result.AddError($"{option.Name} must be one of {string.Join(", ", values)} (not '{result.Tokens[^1].Value}').");
            }
        });
        option.CompletionSources.Add(values);
    }
}
