namespace ReportParser.Reading;

/// <summary>What the HTML reader left out of the text, for the RP1008 summary.</summary>
internal sealed class ChromeCounts
{
    public int DeadElements { get; set; }
    public int HiddenElements { get; set; }
    public int WordArtefacts { get; set; }
    public int ChromeElements { get; set; }
    public int ChromeLines { get; set; }
    public int OutsideCharacters { get; set; }
    public int LayoutTables { get; set; }

    public bool Any => DeadElements + HiddenElements + WordArtefacts + ChromeElements + ChromeLines + OutsideCharacters > 0;

    public string Describe()
    {
        var parts = new List<string>();
        Add(parts, DeadElements, "script/style/form/embedded element(s)");
        Add(parts, HiddenElements, "hidden element(s)");
        Add(parts, WordArtefacts, "Word artefact(s) (o:p, conditional comments)");
        Add(parts, ChromeElements, "navigation/share/related-links/footer element(s) inside the content");
        Add(parts, ChromeLines, "breadcrumb/print-close/related-link line(s)");
        Add(parts, OutsideCharacters, "character(s) of page text outside the report body (navigation, header, footer)");
        return "left out of the text: " + string.Join("; ", parts);
    }

    private static void Add(List<string> parts, int count, string what)
    {
        if (count > 0)
        {
            parts.Add($"{count:N0} {what}");
        }
    }
}
