namespace ReportParser.Reading;

/// <summary>An input named by a URL (<c>https://…</c>), which is not fetched: the reader says so instead of "cannot read".</summary>
internal static class UrlInput
{
    private static readonly string[] Schemes = ["http://", "https://", "ftp://", "ftps://"];

    public static bool Is(string name)
    {
        foreach (string scheme in Schemes)
        {
            if (name.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
