namespace ReportParser.Diagnostics;

/// <summary>
/// Every diagnostic the pipeline can emit. 1xxx reading, 2xxx sections and metadata,
/// 3xxx tables, 4xxx checks, 5xxx across reports, 9xxx the batch run. Severities are fixed per code so CI gates are stable.
/// </summary>
public static class DiagnosticCodes
{
    // 1xxx reading
    public static readonly DiagnosticDescriptor EmptyInput = new("RP1001", DiagnosticSeverity.Error, "the input is empty or contains only whitespace");
    public static readonly DiagnosticDescriptor BinaryInput = new("RP1002", DiagnosticSeverity.Error, "the input is binary, not text or HTML");
    public static readonly DiagnosticDescriptor EncodingGuessed = new("RP1003", DiagnosticSeverity.Info, "no BOM or charset declaration; the encoding was detected from the bytes");
    public static readonly DiagnosticDescriptor DecodeErrors = new("RP1004", DiagnosticSeverity.Warning, "some bytes are invalid in the detected encoding and were replaced with U+FFFD");
    public static readonly DiagnosticDescriptor TooLarge = new("RP1005", DiagnosticSeverity.Error, "the input is larger than the size limit");
    public static readonly DiagnosticDescriptor Unreadable = new("RP1006", DiagnosticSeverity.Error, "the input could not be read");
    public static readonly DiagnosticDescriptor DeclaredCharsetWrong = new("RP1007", DiagnosticSeverity.Warning, "the declared charset does not match the bytes; the detected encoding was used");
    public static readonly DiagnosticDescriptor HtmlChromeRemoved = new("RP1008", DiagnosticSeverity.Info, "page chrome (navigation, scripts, hidden elements) was left out of the text");
    public static readonly DiagnosticDescriptor NotAReport = new("RP1009", DiagnosticSeverity.Error, "the input does not look like a government information-disclosure annual report");
    public static readonly DiagnosticDescriptor LineTooLong = new("RP1010", DiagnosticSeverity.Warning, "a line is longer than the line limit and was broken into pieces");
    public static readonly DiagnosticDescriptor ReportTextOutside = new("RP1012", DiagnosticSeverity.Warning, "text left out of an HTML page as navigation, header or footer holds report headings or table labels; the report may be incomplete");
    public static readonly DiagnosticDescriptor HtmlLimit = new("RP1011", DiagnosticSeverity.Warning, "an HTML structure exceeded a limit (nesting depth, table size or number of tags) and was cut");
    public static readonly DiagnosticDescriptor NoTextLayer = new("RP1013", DiagnosticSeverity.Error, "the PDF has no text layer (scanned pages); run OCR first (e.g. ocrmypdf) and parse its output");
    public static readonly DiagnosticDescriptor TextNotReadable = new("RP1014", DiagnosticSeverity.Error, "the text cannot be read: the PDF's fonts map glyphs to no Unicode text (unmapped CID fonts, Chinese bytes in a Latin font), so its text would be garbage");
    public static readonly DiagnosticDescriptor UnsupportedFormat = new("RP1015", DiagnosticSeverity.Error, "the input is a kind of file that is not read (Word 97 .doc, WPS, archive, image); the message says what to do with it");
    public static readonly DiagnosticDescriptor DamagedDocument = new("RP1016", DiagnosticSeverity.Error, "the PDF or Word document is damaged and could not be opened");
    public static readonly DiagnosticDescriptor UrlInput = new("RP1017", DiagnosticSeverity.Error, "a URL was given as input; URLs are not fetched: download the page first");
    public static readonly DiagnosticDescriptor PageFurnitureRemoved = new("RP1018", DiagnosticSeverity.Info, "running headers, footers and page numbers of a PDF were left out of the text; table rows a page break cut in two were joined, header rows repeated after it dropped");
    public static readonly DiagnosticDescriptor WordPartsSkipped = new("RP1019", DiagnosticSeverity.Info, "parts of a Word document outside its body text (headers, footers, comments, deleted text, text boxes) were left out");

    // 2xxx sections and metadata
    public static readonly DiagnosticDescriptor NoSections = new("RP2001", DiagnosticSeverity.Warning, "no numbered section headings (一、二、…) were found");
    public static readonly DiagnosticDescriptor SectionOrder = new("RP2002", DiagnosticSeverity.Warning, "section numbers skip or repeat");
    public static readonly DiagnosticDescriptor ChromeRemoved = new("RP2003", DiagnosticSeverity.Info, "site chrome lines (breadcrumbs, 打印 关闭, 相关词条, pipe runs) were left out of section text");
    public static readonly DiagnosticDescriptor NoReportYear = new("RP2004", DiagnosticSeverity.Warning, "the report year could not be determined");
    public static readonly DiagnosticDescriptor UnknownTemplate = new("RP2005", DiagnosticSeverity.Warning, "the report template could not be determined");
    public static readonly DiagnosticDescriptor MissingSection = new("RP2006", DiagnosticSeverity.Error, "a section the template requires is missing");
    public static readonly DiagnosticDescriptor InlineHeading = new("RP2007", DiagnosticSeverity.Info, "a section heading was found inside a line, not at its start");
    public static readonly DiagnosticDescriptor NoAgency = new("RP2008", DiagnosticSeverity.Warning, "the publishing agency could not be determined");
    public static readonly DiagnosticDescriptor DamagedDate = new("RP2009", DiagnosticSeverity.Info, "a date in the text lost characters in scraping and was not used");
    public static readonly DiagnosticDescriptor YearConflict = new("RP2010", DiagnosticSeverity.Warning, "the year in the title and the statistics period disagree");
    public static readonly DiagnosticDescriptor ChromeCutLarge = new("RP2012", DiagnosticSeverity.Warning, "more site chrome than a page's breadcrumb and toolbar was cut from inside lines; check that no report text went with it");
    public static readonly DiagnosticDescriptor CrawlerHeaderRead = new("RP2013", DiagnosticSeverity.Info, "a crawler's header block (标题/发布时间/文号/原文链接 lines and a 正文 separator) was read as metadata; it heads the preamble as written");
    public static readonly DiagnosticDescriptor TemplateYearMismatch = new("RP2011", DiagnosticSeverity.Info, "the content signals point to a template other than the one the report year suggests");

    // 3xxx tables
    public static readonly DiagnosticDescriptor TableAbsent = new("RP3001", DiagnosticSeverity.Warning, "the section exists but its statistics table does not");
    public static readonly DiagnosticDescriptor RowMissing = new("RP3002", DiagnosticSeverity.Warning, "a row of the template was not found");
    public static readonly DiagnosticDescriptor RowDuplicated = new("RP3003", DiagnosticSeverity.Warning, "a row of the template occurs more than once; the first was kept");
    public static readonly DiagnosticDescriptor RowUnexpected = new("RP3004", DiagnosticSeverity.Warning, "a row not in the template was found and kept in extra_rows");
    public static readonly DiagnosticDescriptor RowShort = new("RP3005", DiagnosticSeverity.Warning, "a row has fewer values than the template has columns");
    public static readonly DiagnosticDescriptor LeftoverTokens = new("RP3006", DiagnosticSeverity.Warning, "text or numbers in the table region were not assigned to any cell");
    public static readonly DiagnosticDescriptor DigitRunAmbiguous = new("RP3007", DiagnosticSeverity.Warning, "digits of several cells ran together and more than one split fits the rules; the cells are left null");
    public static readonly DiagnosticDescriptor DigitRunSplit = new("RP3008", DiagnosticSeverity.Info, "digits of several cells ran together and were split by the table's arithmetic (the only split that fits)");
    public static readonly DiagnosticDescriptor TemplateMixture = new("RP3009", DiagnosticSeverity.Warning, "the tables of one report follow different templates");
    public static readonly DiagnosticDescriptor TableUnreadable = new("RP3010", DiagnosticSeverity.Error, "the table is present but could not be reconstructed");
    public static readonly DiagnosticDescriptor CellUnparsed = new("RP3011", DiagnosticSeverity.Warning, "a cell's text is not a number or a known placeholder");
    public static readonly DiagnosticDescriptor DigitRunUnsplittable = new("RP3012", DiagnosticSeverity.Warning, "digits of several cells ran together and no split fits the rules; the cells are left null");
    public static readonly DiagnosticDescriptor DigitRunTooLong = new("RP3013", DiagnosticSeverity.Warning, "a run of digits is too long to split within the search bound; the cells are left null");
    public static readonly DiagnosticDescriptor TableElsewhere = new("RP3014", DiagnosticSeverity.Info, "the table was found in another section than its own");
    public static readonly DiagnosticDescriptor RowLabelApproximate = new("RP3016", DiagnosticSeverity.Warning, "a row label differs from the template's by a typo and was matched to the only close row");
    public static readonly DiagnosticDescriptor RowOutOfOrder = new("RP3015", DiagnosticSeverity.Info, "the table's rows are not in template order; they were matched by label");
    public static readonly DiagnosticDescriptor LegacyTableRead = new("RP3020", DiagnosticSeverity.Info, "a 2008–2018 statistics table was read into legacy_stats");
    public static readonly DiagnosticDescriptor LegacyValuesMismatch = new("RP3021", DiagnosticSeverity.Warning, "a legacy table row has more values than the table has columns; its values are left null");

    // 4xxx checks
    public static readonly DiagnosticDescriptor RuleFailed = new("RP4001", DiagnosticSeverity.Error, "an official 勾稽 rule fails: the table's numbers do not add up");
    public static readonly DiagnosticDescriptor RuleNotAssessable = new("RP4002", DiagnosticSeverity.Info, "a 勾稽 rule could not be assessed because an operand is blank or missing");
    public static readonly DiagnosticDescriptor NotNonNegativeInteger = new("RP4003", DiagnosticSeverity.Warning, "a count cell is negative or not an integer");
    public static readonly DiagnosticDescriptor PracticeRuleFailed = new("RP4004", DiagnosticSeverity.Warning, "a practice (non-official) consistency rule fails");
    public static readonly DiagnosticDescriptor ProseDisagrees = new("RP4005", DiagnosticSeverity.Warning, "a number in the prose disagrees with the table cell it names (a P_* check fails)");

    // 5xxx across reports (panel and compare)
    public static readonly DiagnosticDescriptor AgencyEvidenceConflict = new("RP5001", DiagnosticSeverity.Warning, "the evidence for grouping reports by agency disagrees (one 索引号 prefix or URL folder under two names, or one name under two folders); the reports were kept apart");
    public static readonly DiagnosticDescriptor DuplicateAgencyYear = new("RP5002", DiagnosticSeverity.Warning, "an agency has more than one report for one year (a revised version or a duplicate crawl); all are listed, none merged");
    public static readonly DiagnosticDescriptor NoAgencyIdentity = new("RP5003", DiagnosticSeverity.Warning, "a report has no mapping line, 索引号, source URL or agency name; it stands alone in the panel");
    public static readonly DiagnosticDescriptor PanelNoYear = new("RP5004", DiagnosticSeverity.Warning, "a report has no report year; it is listed in the panel but takes part in no cross-year rule");

    // 9xxx the run, not the content (made by the batch runner for inputs the pipeline did not finish)
    public static readonly DiagnosticDescriptor InternalError = new("RP9001", DiagnosticSeverity.Error, "the parser failed on this input (a bug); the message names the exception");
    public static readonly DiagnosticDescriptor Timeout = new("RP9002", DiagnosticSeverity.Error, "parsing did not finish within the per-file timeout (--timeout); the input was abandoned");

    /// <summary>All codes, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ToArray();
}
