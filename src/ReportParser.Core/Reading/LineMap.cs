namespace ReportParser.Reading;

/// <summary>Maps a character index of the decoded source to its 1-based line (\n, \r\n and \r end lines, as in the HTML tokenizer).</summary>
internal sealed class LineMap
{
    private readonly List<int> _starts = [0];

    public LineMap(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                _starts.Add(i + 1);
            }
        }
    }

    /// <summary>The line of <paramref name="index"/>; 0 when the index is unknown (negative).</summary>
    public int LineOf(int index)
    {
        if (index < 0)
        {
            return 0;
        }

        int found = _starts.BinarySearch(index);
        return found >= 0 ? found + 1 : ~found;
    }
}
