using ReportParser.Checks;
using ReportParser.Model;
using ReportParser.Reading;
using Xunit;
using ReportParser.Diagnostics;

namespace ReportParser.Tests.Tables;

/// <summary>The shapes tables take in scraped text and HTML, and the row problems reconstruction must survive.</summary>
public sealed class TableShapeTests
{
    [Fact]
    public void Table3_without_separators_is_split_by_its_arithmetic()
    {
        var document = TableTestDocuments.FromSections(TemplateNames.Gov2021, (3, Table3Samples.NoSeparators(Table3Samples.Busy2021())));
        var (tables, bag) = TableTestDocuments.Reconstruct(document);
        var table = tables.Table("table3");

        Assert.Equal(TableStatus.Complete, table.Status);
        Assert.Equal(TemplateNames.Gov2021, table.Template);
        string dump = TableTestDocuments.Dump(table);
        Assert.Contains("\nnew_received | 64 | 0 | 0 | 2 | 0 | 4 | 70\n", dump);
        Assert.Contains("\nunable.not_held | 10 | 0 | 0 | 0 | 0 | 2 | 12\n", dump);
        Assert.Contains("\nresults_total | 52 | 0 | 0 | 2 | 0 | 3 | 57\n", dump);
        Assert.EndsWith("\ncarried_forward | 15 | 0 | 0 | 0 | 0 | 1 | 16", dump);
        Assert.Contains(bag.Items, d => d.Code == "RP3008" && d.Message.Contains("64|0|0|2|0|4|70", StringComparison.Ordinal));
        Assert.All(new TableChecker().Check(tables, bag), c => Assert.Equal(CheckStatus.Pass, c.Status));
    }

    [Fact]
    public void Table3_gov2019_without_separators_reads_its_single_other_row()
    {
        var values = new Dictionary<string, int[]>
        {
            ["new_received"] = [12, 1, 0, 0, 0, 0, 13],
            ["granted"] = [9, 1, 0, 0, 0, 0, 10],
            ["other"] = [3, 0, 0, 0, 0, 0, 3],
            ["results_total"] = [12, 1, 0, 0, 0, 0, 13],
        };
        var (tables, _) = TableTestDocuments.Reconstruct(
            TableTestDocuments.FromSections(TemplateNames.Unknown, (3, Table3Samples.NoSeparators(values, gov2021: false))));
        var table = tables.Table("table3");

        Assert.Equal(TemplateNames.Gov2019, table.Template);
        Assert.Equal(23, table.Rows.Count);
        Assert.Contains("\nother | 3 | 0 | 0 | 0 | 0 | 0 | 3\n", TableTestDocuments.Dump(table));
    }

    [Fact]
    public void Table3_inline_pipes_read_one_value_per_cell()
    {
        var (tables, bag) = TableTestDocuments.Reconstruct(
            TableTestDocuments.FromSections(TemplateNames.Gov2021, (3, Table3Samples.Pipes(Table3Samples.Busy2021()))));

        Assert.Equal(TableStatus.Complete, tables.Table("table3").Status);
        Assert.Contains("\ngranted | 30 | 0 | 0 | 1 | 0 | 0 | 31\n", TableTestDocuments.Dump(tables.Table("table3")));
        Assert.DoesNotContain(bag.Items, d => d.Code == "RP3008");
    }

    [Fact]
    public void An_ambiguous_row_is_settled_by_the_column_balance()
    {
        // 212003026 splits as 2|1|20|0|3|0|26 or 21|2|0|0|3|0|26; only the first balances the columns.
        var values = new Dictionary<string, int[]>
        {
            ["new_received"] = [12, 1, 20, 0, 3, 0, 36],
            ["granted"] = [10, 0, 0, 0, 0, 0, 10],
            ["results_total"] = [10, 0, 0, 0, 0, 0, 10],
        };
        string text = Table3Samples.Pipes(values).Replace("四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0", "四、结转下年度继续办理212003026", StringComparison.Ordinal);
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2021, (3, text)));

        Assert.EndsWith("\ncarried_forward | 2 | 1 | 20 | 0 | 3 | 0 | 26", TableTestDocuments.Dump(tables.Table("table3")));
        Assert.Equal(TableStatus.Complete, tables.Table("table3").Status);
        Assert.DoesNotContain(bag.Items, d => d.Code == "RP3007");
    }

    [Fact]
    public void An_ambiguous_row_the_columns_cannot_settle_stays_null_with_its_candidates()
    {
        var values = new Dictionary<string, int[]> { ["new_received"] = [12, 1, 20, 0, 3, 0, 36] };
        string text = Table3Samples.Pipes(values)
            .Replace("四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0", "四、结转下年度继续办理212003026", StringComparison.Ordinal)
            .Replace("(七)总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0", "(七)总计 | | | | | | |", StringComparison.Ordinal);
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2021, (3, text)));
        var row = tables.Table("table3").Rows.Single(r => r.Key == "carried_forward");

        Assert.All(row.Values.Values, v => Assert.Null(v));
        Assert.Equal("212003026", row.Raw["natural_person"]);
        Assert.Equal(TableStatus.Partial, tables.Table("table3").Status);
        var diagnostic = Assert.Single(bag.Items, d => d.Code == "RP3007");
        Assert.Contains("2|1|20|0|3|0|26; 21|2|0|0|3|0|26", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table2_run_without_a_sum_rule_is_not_guessed()
    {
        const string text = """
            第二十条第(五)项
            信息内容 上一年项目数量 本年增/减 处理决定数量
            行政许可693665
            """;
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2019, (2, text)));
        var row = tables.Table("table2").Rows.Single(r => r.Key == "art20_5.administrative_license");

        Assert.Equal(TemplateNames.Gov2019, tables.Table("table2").Template);
        Assert.All(row.Values.Values, v => Assert.Null(v));
        Assert.Equal("693665", row.Raw["prev_year_items"]);
        Assert.Contains(bag.Items, d => d.Code == "RP3007" && d.Message.Contains("and", StringComparison.Ordinal));
    }

    [Fact]
    public void Table2_zeros_without_separators_have_only_one_split()
    {
        const string text = "第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件31225第二十条第(五)项信息内容本年处理决定数量行政许可42975";
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2021, (2, text)));
        string dump = TableTestDocuments.Dump(tables.Table("table2"));

        Assert.Contains("\nart20_1.regulations | 0 | 0 | 0\n", dump);
        Assert.Contains("\nart20_1.normative_documents | _ \"31225\" | _ \"31225\" | _ \"31225\"\n", dump);
        Assert.Contains("\nart20_5.administrative_license | 42975\n", dump);
        Assert.Contains(bag.Items, d => d.Code == "RP3002" && d.Message.Contains("art20_8.administrative_fee", StringComparison.Ordinal));
    }

    [Fact]
    public void Table2_inline_rows_keep_separators_placeholders_and_decimals()
    {
        // The inline flattening seen on yangling.gov.cn: "cell |" per cell, pipes pad the row.
        const string text = """
            第二十条第(一)项 | |||
            信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
            规章 | 0 | 0 | 0
            行政规范性文件 | 3 | 1 | 25
            第二十条第(五)项 | |||
            信息内容 | 本年处理决定数量 | ||
            行政许可 | 1,234 | ||
            第二十条第(六)项 | |||
            信息内容 | 本年处理决定数量 | ||
            行政处罚 | 56 | ||
            行政强制 | — | ||
            第二十条第(八)项 | |||
            信息内容 | 本年收费金额(单位:万元) | ||
            行政事业性收费 | 0.5 | ||
            """;
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Unknown, (2, text)));

        Assert.Equal("""
            table2 gov2021 complete
            art20_1.regulations | 0 | 0 | 0
            art20_1.normative_documents | 3 | 1 | 25
            art20_5.administrative_license | 1234 "1,234"
            art20_6.administrative_penalty | 56
            art20_6.administrative_coercion | _ "—"
            art20_8.administrative_fee | 0.5
            """, TableTestDocuments.Dump(tables.Table("table2")));
        Assert.DoesNotContain(bag.Items, d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void Table2_markdown_with_provincial_annotations_signs_units_and_an_extra_row()
    {
        // 湖北-style annotated labels (WH2020) in a Markdown table.
        const string text = """
            | 第二十条第(一)项 | | | |
            |---|---|---|---|
            | 信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 |
            | 规章(设区的市、自治州人民政府应提供相关数据) | 0 | 0 | 0 |
            | 规范性文件 | 2 | 2 | 15 |
            | 其他主动公开文件(指除规章、规范性文件以外的其他文件) | 10 | 10 | 120 |
            | 第二十条第(五)项 | | | |
            | 信息内容 | 上一年项目数量(指2019年事项数) | 本年增/减(减用负值表示,如-8) | 处理决定数量(指2020年办件量) |
            | 行政许可 | 45 | -8 | 1036 |
            | 其他对外管理服务事项 | 12 | +3 | 0 |
            | 第二十条第(六)项 | | | |
            | 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
            | 行政处罚 | 5 | 0 | 88 |
            | 行政强制 | 2 | 0 | - |
            | 第二十条第(八)项 | | | |
            | 信息内容 | 上一年项目数量 | 本年增/减 | |
            | 行政事业性收费 | 3 | 0 | |
            | 第二十条第(九)项 | | | |
            | 信息内容 | 采购项目数量 | 采购总金额 | |
            | 政府集中采购 | 4 | 251000元 | |
            """;
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2019, (2, text)));
        var table = tables.Table("table2");

        Assert.Equal("""
            table2 gov2019 complete
            art20_1.regulations | 0 | 0 | 0
            art20_1.normative_documents | 2 | 2 | 15
            art20_5.administrative_license | 45 | -8 | 1036
            art20_5.other_external_services | 12 | 3 "+3" | 0
            art20_6.administrative_penalty | 5 | 0 | 88
            art20_6.administrative_coercion | 2 | 0 | _ "-"
            art20_8.administrative_fee | 3 | 0
            art20_9.centralized_procurement | 4 | 251000 "251000元"
            extra_1 | 10 | 10 | 120
            """, TableTestDocuments.Dump(table));
        Assert.Equal("其他主动公开文件(指除规章、规范性文件以外的其他文件)", table.ExtraRows![0].Label);
        Assert.Single(bag.Items, d => d.Code == "RP3004");
        var checks = new TableChecker().Check(tables, bag);
        Assert.Equal(CheckStatus.Pass, checks.Single(c => c.Rule == "T2_NON_NEGATIVE").Status);
    }

    [Fact]
    public void Table4_run_of_17_digits_is_split_by_block_totals()
    {
        const string text = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计11002100021200000";
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2021, (4, text)));

        Assert.Equal("""
            table4 gov2021 complete
            admin_review | 1 | 1 | 0 | 0 | 2
            litigation_direct | 10 | 0 | 0 | 2 | 12
            litigation_after_review | 0 | 0 | 0 | 0 | 0
            """, TableTestDocuments.Dump(tables.Table("table4")));
        Assert.Contains(bag.Items, d => d.Code == "RP3008");
    }

    [Fact]
    public void Table4_written_block_by_block_with_tabs_and_a_16th_empty_column()
    {
        const string text = "行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
            + "1\t0\t0\t1\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t \n";
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2019, (4, text)));

        Assert.Equal(TableStatus.Complete, tables.Table("table4").Status);
        Assert.StartsWith("table4 gov2019 complete\nadmin_review | 1 | 0 | 0 | 1 | 2\n", TableTestDocuments.Dump(tables.Table("table4")));
        Assert.DoesNotContain(bag.Items, d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void Blank_cells_are_null_not_zero_and_their_rules_are_not_assessable()
    {
        // Shanghai-style blanks: 总计 left empty while the parts are filled.
        var values = Table3Samples.Busy2021();
        string text = Table3Samples.Pipes(values).Replace("(一)予以公开 | 30 | 0 | 0 | 1 | 0 | 0 | 31", "(一)予以公开 | 30 | 0 | 0 | 1 | 0 | 0 | ", StringComparison.Ordinal)
            .Replace("二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3", "二、上年结转政府信息公开申请数量 | 3 |  | 0 | 0 | 0 | 0 | 3", StringComparison.Ordinal);
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2021, (3, text)));
        var table = tables.Table("table3");
        var carriedOver = table.Rows.Single(r => r.Key == "carried_over");

        Assert.Null(carriedOver.Values["commercial_enterprise"]);
        Assert.Equal("", carriedOver.Raw["commercial_enterprise"]);
        Assert.Equal(3m, carriedOver.Values["total"]);

        var checks = new TableChecker().Check(tables, bag);
        Assert.Equal(CheckStatus.NotAssessable, checks.Single(c => c.Rule == "T3_ROW_TOTAL" && c.Row == "carried_over").Status);
        Assert.Equal(CheckStatus.NotAssessable, checks.Single(c => c.Rule == "T3_BALANCE" && c.Column == "commercial_enterprise").Status);
        Assert.Equal(CheckStatus.Pass, checks.Single(c => c.Rule == "T3_BALANCE" && c.Column == "natural_person").Status);
        Assert.Contains(bag.Items, d => d.Code == "RP4002");
        Assert.DoesNotContain(bag.Items, d => d.Code == "RP4001");
    }

    [Fact]
    public void Missing_duplicated_out_of_order_and_short_rows_give_diagnostics_not_shifted_columns()
    {
        const string text = """
            一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5
            三、本年度办理结果 | (一)予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4
            二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
            (二)部分公开 | 1 | 0 | 0
            (一)予以公开 | 9 | 9 | 9 | 9 | 9 | 9 | 54
            (七)总计 | 5 | 0 | 0 | 0 | 0 | 0 | 5
            四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0
            """;
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2021, (3, text)));
        var table = tables.Table("table3");
        string dump = TableTestDocuments.Dump(table);

        Assert.Equal(TableStatus.Partial, table.Status);
        Assert.Contains("\ncarried_over | 0 | 0 | 0 | 0 | 0 | 0 | 0\ngranted | 4 | 0 | 0 | 0 | 0 | 0 | 4\npartially_granted | 1 | 0 | 0 | _ | _ | _ | _\n", dump);
        Assert.Contains("\ndenied.state_secret | _ | _ | _ | _ | _ | _ | _\n", dump);
        Assert.Equal(25, table.Rows.Count);
        Assert.Contains(bag.Items, d => d.Code == "RP3003" && d.Message.Contains("granted", StringComparison.Ordinal));
        Assert.Contains(bag.Items, d => d.Code == "RP3005" && d.Message.Contains("partially_granted", StringComparison.Ordinal));
        Assert.Contains(bag.Items, d => d.Code == "RP3015");
        Assert.Equal(19, bag.Items.Count(d => d.Code == "RP3002"));
    }

    [Fact]
    public void Table3_as_a_real_grid_with_rowspan_copies()
    {
        var grid = Table3Grid(Table3Samples.Busy2021());
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromBlocks(TemplateNames.Unknown, 3, grid));
        var table = tables.Table("table3");

        Assert.Equal(TemplateNames.Gov2021, table.Template);
        Assert.Equal(TableStatus.Complete, table.Status);
        Assert.Contains("\nother.no_correction | 0 | 0 | 0 | 0 | 0 | 0 | 0\nother.fee_unpaid | 0 | 0 | 0 | 0 | 0 | 0 | 0\nother.other | 4 | 0 | 0 | 1 | 0 | 0 | 5\n", TableTestDocuments.Dump(table));
        Assert.DoesNotContain(bag.Items, d => d.Severity != DiagnosticSeverity.Info);
        Assert.All(new TableChecker().Check(tables, bag), c => Assert.Equal(CheckStatus.Pass, c.Status));
    }

    [Fact]
    public void Grid_cells_are_never_digit_split()
    {
        var values = Table3Samples.Busy2021();
        var grid = Table3Grid(values);
        var rows = grid.Rows.Select(r => r.ToList()).ToList();
        var newReceived = rows.Single(r => r[0].Text.StartsWith("一、", StringComparison.Ordinal));
        newReceived.RemoveRange(3, 7);
        newReceived.Add(new GridCell("640020470", 10));
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromBlocks(TemplateNames.Gov2021, 3, new Grid(rows, 1)));

        Assert.StartsWith("new_received | 640020470 | _ |", TableTestDocuments.Dump(tables.Table("table3")).Split('\n')[1]);
        Assert.Contains(bag.Items, d => d.Code == "RP3005");
    }

    [Fact]
    public void An_unbalanced_table3_fails_T3_BALANCE_with_an_error_and_keeps_its_numbers()
    {
        var values = Table3Samples.Busy2021();
        values["carried_forward"] = [14, 0, 0, 0, 0, 1, 15];
        var (tables, bag) = TableTestDocuments.Reconstruct(
            TableTestDocuments.FromSections(TemplateNames.Gov2021, (3, Table3Samples.Pipes(values))));
        var checks = new TableChecker().Check(tables, bag);

        var failed = checks.Where(c => c.Status == CheckStatus.Fail).ToList();
        Assert.Equal(["T3_BALANCE natural_person", "T3_BALANCE total"], failed.Select(c => $"{c.Rule} {c.Column}"));
        Assert.Equal("本年新收 64 + 上年结转 3 = 67, but 办理结果总计 52 + 结转下年度 14 = 66 (difference 1)", failed[0].Message);
        Assert.Equal(1m, failed[0].Difference);
        Assert.Contains("T3_BALANCE 表三 自然人: 本年新收 64", bag.Items.First(d => d.Code == "RP4001").Message);
        Assert.Equal(2, bag.Items.Count(d => d.Code == "RP4001" && d.Severity == DiagnosticSeverity.Error));
        Assert.EndsWith("\ncarried_forward | 14 | 0 | 0 | 0 | 0 | 1 | 15", TableTestDocuments.Dump(tables.Table("table3")));
    }

    [Fact]
    public void A_forced_split_whose_total_disagrees_is_reported_by_the_checks_not_rewritten()
    {
        string text = Table3Samples.Pipes(Table3Samples.Busy2021())
            .Replace("二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3", "二、上年结转政府信息公开申请数量3000004", StringComparison.Ordinal);
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2021, (3, text)));
        var checks = new TableChecker().Check(tables, bag);

        Assert.Contains("\ncarried_over | 3 | 0 | 0 | 0 | 0 | 0 | 4\n", TableTestDocuments.Dump(tables.Table("table3")));
        var rowTotal = checks.Single(c => c.Rule == "T3_ROW_TOTAL" && c.Row == "carried_over");
        Assert.Equal(CheckStatus.Fail, rowTotal.Status);
        Assert.Equal("总计 4, but 自然人 3 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 3 (difference 1)", rowTotal.Message);
    }

    [Fact]
    public void A_1000_digit_run_is_capped_with_a_diagnostic()
    {
        string text = "一、本年新收政府信息公开申请数量" + new string('7', 1000) + "\n二、上年结转政府信息公开申请数量0000000";
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2021, (3, text)));

        Assert.All(tables.Table("table3").Rows[0].Values.Values, v => Assert.Null(v));
        Assert.Contains(bag.Items, d => d.Code == "RP3013");
    }

    [Fact]
    public void Tables_of_different_templates_are_flagged()
    {
        const string table2 = "第二十条第(一)项 | |||\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n规章 | 0 | 0 | 0\n规范性文件 | 1 | 1 | 9";
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Unknown,
            (2, table2), (3, Table3Samples.Pipes(Table3Samples.Busy2021()))));

        Assert.Equal(TemplateNames.Gov2019, tables.Table("table2").Template);
        Assert.Equal(TemplateNames.Gov2021, tables.Table("table3").Template);
        Assert.Contains(bag.Items, d => d.Code == "RP3009");
    }

    [Fact]
    public void A_table_in_another_section_is_found_by_its_labels()
    {
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2021,
            (3, "本机关本年度共收到政府信息公开申请70件,详见附表。"), (6, "附表\n" + Table3Samples.Pipes(Table3Samples.Busy2021()))));
        var table = tables.Table("table3");

        Assert.Equal(6, table.Section);
        Assert.Equal(TableStatus.Complete, table.Status);
        Assert.Contains(bag.Items, d => d.Code == "RP3014");
    }

    [Fact]
    public void A_section_missing_entirely_gives_no_table()
    {
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2021,
            (3, Table3Samples.Pipes(Table3Samples.Busy2021()))));

        Assert.Equal(["table3"], tables.Select(t => t.Key));
        Assert.DoesNotContain(bag.Items, d => d.Code == "RP3001");
    }

    [Fact]
    public void A_header_without_any_rows_is_an_unreadable_table()
    {
        var (tables, bag) = TableTestDocuments.Reconstruct(TableTestDocuments.FromSections(TemplateNames.Gov2021,
            (3, "申请人情况 | 自然人 | 法人或其他组织 | 总计\n见附件扫描件")));

        Assert.Equal(TableStatus.Partial, tables.Table("table3").Status);
        Assert.All(tables.Table("table3").Rows, r => Assert.All(r.Values.Values, v => Assert.Null(v)));
        Assert.Contains(bag.Items, d => d.Code == "RP3010" && d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||||")]
    [InlineData("((((((((((((1.2.3.4.、、、,,,,-+-+-+0000000000000000000000000000000000")]
    [InlineData("一、本年新收政府信息公开申请数量 | | | | | | | | | | | | | | | | | |\n(七)总计\t\t\t9999999999999999999999999999999999\t-1\t1.5")]
    [InlineData("行政复议 行政诉讼 1 2 3 N/A 不适用 空 无 / -- —— 1,2,3 12,345,678 0.000001 +0 -0")]
    public void Arbitrary_text_never_throws(string text)
    {
        var document = TableTestDocuments.FromSections(TemplateNames.Gov2021, (2, text), (3, text), (4, text));
        var (tables, bag) = TableTestDocuments.Reconstruct(document);

        Assert.Equal(3, tables.Count);
        _ = new TableChecker().Check(tables, bag);
    }

    /// <summary>A 2021 表三 as an HTML grid would give it: 10 columns, spans expanded into marked copies.</summary>
    private static Grid Table3Grid(Dictionary<string, int[]> values)
    {
        var rows = new List<IReadOnlyList<GridCell>>();
        int line = 10;
        GridCell Cell(string text, bool copy = false) => new(text, line, copy);

        const string note = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)";
        rows.Add([Cell(note), Cell(note, true), Cell(note, true), Cell("申请人情况"), .. Enumerable.Range(0, 6).Select(_ => Cell("申请人情况", true))]);
        line++;
        rows.Add([Cell(note, true), Cell(note, true), Cell(note, true), Cell("自然人"), Cell("法人或其他组织"), .. Enumerable.Range(0, 4).Select(_ => Cell("法人或其他组织", true)), Cell("总计")]);
        line++;
        rows.Add([Cell(note, true), Cell(note, true), Cell(note, true), Cell("自然人", true), Cell("商业企业"), Cell("科研机构"), Cell("社会公益组织"), Cell("法律服务机构"), Cell("其他"), Cell("总计", true)]);
        string? top = null;
        string? group = null;
        foreach (var (key, label, printedGroup) in Table3Samples.Rows2021)
        {
            line++;
            var numbers = Table3Samples.ValuesOf(values, key).Select(v => Cell(v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (printedGroup == "三、本年度办理结果")
            {
                top = printedGroup;
            }

            if (key is "new_received" or "carried_over" or "carried_forward")
            {
                rows.Add([Cell(label), Cell(label, true), Cell(label, true), .. numbers]);
                continue;
            }

            bool nested = key.Contains('.', StringComparison.Ordinal);
            var first = Cell(top!, copy: !(printedGroup == "三、本年度办理结果"));
            if (nested)
            {
                bool newGroup = printedGroup is not null;
                group = printedGroup ?? group;
                rows.Add([first, Cell(group!, copy: !newGroup), Cell(label), .. numbers]);
            }
            else
            {
                rows.Add([first, Cell(label), Cell(label, true), .. numbers]);
            }
        }

        return new Grid(rows, 10);
    }
}
