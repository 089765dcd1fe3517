namespace ReportParser.Output;

/// <summary>
/// The fixed cell columns of the <c>wide</c> CSV layout: every data cell of the gov2021 and gov2019
/// templates (<c>spec/template.json</c>), as <c>table.row.column</c> keys, so that every report of a
/// corpus shares one header whatever its template. Group rows (labels without numbers) have no cells.
/// </summary>
/// <remarks>
/// Keep this the only place the list is defined. When the table templates are available as a
/// catalogue in <c>Tables/</c>, build <see cref="CellKeys"/> from it (gov2021 order, then the cells
/// only gov2019 has) and keep the order below, which existing CSV consumers rely on.
/// </remarks>
internal static class WideCsvColumns
{
    private static readonly (string Table, string[] Rows, string[] Columns)[] Grids =
    [
        ("table2.art20_1", ["regulations", "normative_documents"], ["issued", "repealed", "in_force", "newly_made", "newly_published", "total_published"]),
        ("table2.art20_5", ["administrative_license", "other_external_services"], ["decisions", "prev_year_items", "change_this_year"]),
        ("table2.art20_6", ["administrative_penalty", "administrative_coercion"], ["decisions", "prev_year_items", "change_this_year"]),
        ("table2.art20_8", ["administrative_fee"], ["fee_amount", "prev_year_items", "change_this_year"]),
        ("table2.art20_9", ["centralized_procurement"], ["procurement_items", "procurement_amount"]),
        ("table3",
            [
                "new_received", "carried_over", "granted", "partially_granted",
                "denied.state_secret", "denied.law_prohibited", "denied.security_stability", "denied.third_party_rights",
                "denied.internal_affairs", "denied.process_info", "denied.enforcement_case_file", "denied.administrative_query",
                "unable.not_held", "unable.needs_creation", "unable.still_unclear",
                "not_processed.petition_complaint", "not_processed.duplicate", "not_processed.publication",
                "not_processed.excessive", "not_processed.confirm_or_reissue",
                "other", "other.no_correction", "other.fee_unpaid", "other.other",
                "results_total", "carried_forward",
            ],
            ["natural_person", "commercial_enterprise", "research_institution", "public_interest_org", "legal_service_org", "other_org", "total"]),
        ("table4", ["admin_review", "litigation_direct", "litigation_after_review"], ["upheld", "corrected", "other_result", "pending", "total"]),
    ];

    /// <summary>The cell keys in column order.</summary>
    public static IReadOnlyList<string> CellKeys { get; } =
        Grids.SelectMany(g => g.Rows.SelectMany(r => g.Columns.Select(c => $"{g.Table}.{r}.{c}"))).ToArray();
}
