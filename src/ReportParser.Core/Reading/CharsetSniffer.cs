using System.Text;

namespace ReportParser.Reading;

/// <summary>
/// Finds the charset an HTML page declares, by the HTML standard's prescan of the first 1024
/// bytes: <c>&lt;meta charset&gt;</c>, or <c>&lt;meta http-equiv="content-type" content="…; charset=…"&gt;</c>.
/// Comments are skipped and only real meta tags count, so a <c>charset=</c> inside a script does not.
/// </summary>
internal static class CharsetSniffer
{
    public const int PrescanLength = 1024;

    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        var b = bytes[..Math.Min(bytes.Length, PrescanLength)];
        int i = 0;
        while (i < b.Length)
        {
            if (StartsWith(b, i, "<!--"))
            {
                int end = IndexOf(b, i + 4, "-->");
                i = end < 0 ? b.Length : end + 3;
            }
            else if (StartsWith(b, i, "<meta") && i + 5 < b.Length && IsSpaceOrSlash(b[i + 5]))
            {
                i += 5;
                if (ReadMeta(b, ref i) is { } charset)
                {
                    return charset;
                }
            }
            else if (b[i] == '<' && i + 1 < b.Length && (IsAsciiLetter(b[i + 1]) || (b[i + 1] == '/' && i + 2 < b.Length && IsAsciiLetter(b[i + 2]))))
            {
                // Another tag: skip its name and attributes.
                i++;
                while (i < b.Length && !IsSpaceOrSlash(b[i]) && b[i] != '>')
                {
                    i++;
                }

                while (ReadAttribute(b, ref i) is not null)
                {
                }
            }
            else if (StartsWith(b, i, "<!") || StartsWith(b, i, "</") || StartsWith(b, i, "<?"))
            {
                int end = b[i..].IndexOf((byte)'>');
                i = end < 0 ? b.Length : i + end + 1;
            }
            else
            {
                i++;
            }
        }

        return null;
    }

    private static string? ReadMeta(ReadOnlySpan<byte> b, ref int i)
    {
        bool gotPragma = false;
        bool? needPragma = null;
        string? charset = null;
        while (ReadAttribute(b, ref i) is { } attribute)
        {
            var (name, value) = attribute;
            if (name == "http-equiv" && value.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                gotPragma = true;
            }
            else if (name == "content" && charset is null && FromContent(value) is { } fromContent)
            {
                charset = fromContent;
                needPragma = true;
            }
            else if (name == "charset" && value.Length > 0)
            {
                charset = value;
                needPragma = false;
            }
        }

        if (charset is null || needPragma is null || (needPragma == true && !gotPragma))
        {
            return null;
        }

        return charset.Trim();
    }

    /// <summary>The standard's "extract a character encoding from a meta element" algorithm.</summary>
    internal static string? FromContent(string content)
    {
        int at = 0;
        while (true)
        {
            int index = content.IndexOf("charset", at, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return null;
            }

            int j = index + 7;
            while (j < content.Length && IsSpace(content[j]))
            {
                j++;
            }

            if (j >= content.Length || content[j] != '=')
            {
                at = j;
                continue;
            }

            j++;
            while (j < content.Length && IsSpace(content[j]))
            {
                j++;
            }

            if (j >= content.Length)
            {
                return null;
            }

            if (content[j] is '"' or '\'')
            {
                int close = content.IndexOf(content[j], j + 1);
                return close < 0 ? null : content[(j + 1)..close];
            }

            int stop = j;
            while (stop < content.Length && !IsSpace(content[stop]) && content[stop] != ';')
            {
                stop++;
            }

            return content[j..stop];
        }
    }

    /// <summary>Reads one attribute of a tag; null at the tag's end (the index then points after '&gt;').</summary>
    private static (string Name, string Value)? ReadAttribute(ReadOnlySpan<byte> b, ref int i)
    {
        while (i < b.Length && (IsSpace((char)b[i]) || b[i] == '/'))
        {
            i++;
        }

        if (i >= b.Length)
        {
            return null;
        }

        if (b[i] == '>')
        {
            i++;
            return null;
        }

        var name = new StringBuilder();
        while (i < b.Length && b[i] != '=' && b[i] != '>' && b[i] != '/' && !IsSpace((char)b[i]))
        {
            name.Append(char.ToLowerInvariant((char)b[i]));
            i++;
        }

        while (i < b.Length && IsSpace((char)b[i]))
        {
            i++;
        }

        if (i >= b.Length || b[i] != '=')
        {
            return (name.ToString(), "");
        }

        i++;
        while (i < b.Length && IsSpace((char)b[i]))
        {
            i++;
        }

        var value = new StringBuilder();
        if (i < b.Length && b[i] is (byte)'"' or (byte)'\'')
        {
            byte quote = b[i++];
            while (i < b.Length && b[i] != quote)
            {
                value.Append((char)b[i]);
                i++;
            }

            i++;
        }
        else
        {
            while (i < b.Length && b[i] != '>' && !IsSpace((char)b[i]))
            {
                value.Append((char)b[i]);
                i++;
            }
        }

        return (name.ToString(), value.ToString());
    }

    private static bool StartsWith(ReadOnlySpan<byte> b, int i, string ascii)
    {
        if (i + ascii.Length > b.Length)
        {
            return false;
        }

        for (int k = 0; k < ascii.Length; k++)
        {
            if (char.ToLowerInvariant((char)b[i + k]) != ascii[k])
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(ReadOnlySpan<byte> b, int from, string ascii)
    {
        for (int i = from; i + ascii.Length <= b.Length; i++)
        {
            if (StartsWith(b, i, ascii))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    private static bool IsSpaceOrSlash(byte b) => IsSpace((char)b) || b == '/';

    private static bool IsAsciiLetter(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';
}
