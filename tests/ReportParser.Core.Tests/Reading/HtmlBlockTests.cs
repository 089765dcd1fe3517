using Xunit;
using ReportParser.Reading;
using static ReportParser.Tests.Reading.HtmlTestSupport;
using ReportParser.Model;

namespace ReportParser.Tests.Reading;

public sealed class HtmlBlockTests
{
    [Fact]
    public void Paragraphs_breaks_divs_list_items_and_headings_become_lines_with_source_lines()
    {
        string html = """
            <html>
            <body>
            <h2>某局2022年政府信息公开工作年度报告</h2>
            <p>一、总体情况</p>
            <div>第一行<br>第二行<br/>
            第三行</div>
            <ul>
              <li>条目甲</li>
              <li>条目乙</li>
            </ul>
            <p>
               二、主动公开政府信息情况
            </p>
            </body>
            </html>
            """;
        var (text, _) = Read(html);
        Assert.Equal("""
            3: 某局2022年政府信息公开工作年度报告
            4: 一、总体情况
            5: 第一行
            5: 第二行
            6: 第三行
            8: 条目甲
            9: 条目乙
            12: 二、主动公开政府信息情况
            """.ReplaceLineEndings("\n"), DumpBlocks(text));
    }

    [Fact]
    public void Inline_word_runs_join_without_breaks()
    {
        string html = Page("""
            <p class="MsoNormal"><span style="font-family:仿宋">（一）申请人情</span><span
            style="font-family:宋体">况</span><span lang="EN-US">16</span><span>件，<b>其中</b><font color="red">自然人</font>
            申请<a href="#">12</a>件。</span><span lang="EN-US"><o:p></o:p></span></p>
            """);
        var (text, _) = Read(html);
        Assert.Equal(["（一）申请人情况16件，其中自然人申请12件。"], Lines(text));
    }

    [Fact]
    public void Line_break_between_cjk_characters_disappears_but_spaces_elsewhere_stay()
    {
        var (text, _) = Read(Page("<p>政府信息\n公开工作 in 2022\n年度  report</p>"));
        Assert.Equal(["政府信息公开工作 in 2022 年度 report"], Lines(text));
    }

    [Fact]
    public void Nbsp_stays_and_blank_paragraphs_are_dropped()
    {
        var (text, _) = Read(Page("<p>&nbsp;</p><p>索&nbsp;引&nbsp;号</p><p><o:p>&nbsp;</o:p></p><p>　　正文</p>"));
        Assert.Equal(["索\u00A0引\u00A0号", "　　正文"], Lines(text));
    }

    [Fact]
    public void Scripts_styles_hidden_elements_and_conditional_comments_are_dropped_and_counted()
    {
        string html = Page("""
            <div class="content">
            <!--[if gte mso 9]><xml><w:WordDocument>Normal</w:WordDocument></xml><![endif]-->
            <script>document.write('脚本文字');</script>
            <style>p { color: red }</style>
            <noscript>请启用脚本</noscript>
            <template><p>模板文字</p></template>
            <p>一、总体情况</p>
            <p style="display: none">隐藏一</p>
            <p style="VISIBILITY:hidden">隐藏二</p>
            <p hidden>隐藏三</p>
            <input type="hidden" value="隐藏四">
            <p>正文内容，政府信息公开工作稳步推进。</p>
            </div>
            """);
        var (text, bag) = Read(html);
        Assert.Equal(["一、总体情况", "正文内容，政府信息公开工作稳步推进。"], Lines(text));
        var info = Assert.Single(bag.Items, d => d.Code == "RP1008");
        Assert.Contains("3 hidden element(s)", info.Message);
        Assert.Contains("Word artefact", info.Message);
    }

    [Fact]
    public void Site_chrome_around_the_report_is_dropped()
    {
        string html = Page("""
            <div class="header"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hd">互动交流</a></div>
            <div class="crumb">您现在的位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 年报</div>
            <div class="main">
              <div class="article">
                <h1>某县2022年政府信息公开工作年度报告</h1>
                <div class="content">
                  <p>一、总体情况</p><p>本县政府信息公开工作有序推进，全年主动公开信息一千余条，依申请公开办理二十件。</p>
                  <p>二、主动公开政府信息情况</p><p>详见下表及门户网站法定主动公开内容专栏，全部按期公开。</p>
                  <p>三、收到和处理政府信息公开申请情况</p><p>全年新收申请二十件，均已按期答复，无结转下年度的申请。</p>
                  <p>【打印本页】【关闭窗口】</p>
                </div>
                <div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a></div>
                <div class="related"><h4>相关链接</h4><ul><li><a href="/1">某县2021年政府信息公开工作年度报告</a></li></ul></div>
              </div>
            </div>
            <div class="footer">主办单位：某县人民政府办公室　网站标识码：1234567890　备案号：某ICP备12345678号</div>
            """);
        var (text, bag) = Read(html);
        Assert.Equal(
        [
            "某县2022年政府信息公开工作年度报告",
            "一、总体情况", "本县政府信息公开工作有序推进，全年主动公开信息一千余条，依申请公开办理二十件。",
            "二、主动公开政府信息情况", "详见下表及门户网站法定主动公开内容专栏，全部按期公开。",
            "三、收到和处理政府信息公开申请情况", "全年新收申请二十件，均已按期答复，无结转下年度的申请。",
        ], Lines(text));
        Assert.Contains(bag.Items, d => d.Code == "RP1008");
    }

    [Fact]
    public void Breadcrumb_print_close_and_related_links_inside_the_content_are_dropped()
    {
        string html = Page("""
            <p>当前位置：首页 &gt; 政务公开 &gt; 年报</p>
            <p>一、总体情况</p>
            <p>正文。</p>
            <p>打印 关闭</p>
            <p>相关文章</p>
            <p><a href="/a">另一篇报告</a></p>
            <p>二、主动公开政府信息情况</p>
            """);
        var (text, _) = Read(html);
        Assert.Equal(["一、总体情况", "正文。", "二、主动公开政府信息情况"], Lines(text));
    }

    [Fact]
    public void Report_inside_a_layout_table_is_read_as_lines()
    {
        string prose = string.Concat(Enumerable.Repeat("本机关认真贯彻落实政府信息公开条例，推进重点领域信息公开。", 6));
        string html = Page($"""
            <table width="1000"><tr><td class="nav"><a href="/">首页</a></td><td><a href="/zwgk">政务公开</a></td></tr></table>
            <table width="1000">
              <tr>
                <td width="200"><ul><li><a href="/zn">公开指南</a></li><li><a href="/nb">公开年报</a></li></ul></td>
                <td>
                  <table><tr><td><p>一、总体情况</p><p>{prose}</p><p>二、主动公开政府信息情况</p><p>{prose}</p></td></tr></table>
                </td>
              </tr>
            </table>
            """);
        var (text, _) = Read(html);
        Assert.Empty(text.Blocks.OfType<Grid>());
        Assert.Equal(["一、总体情况", prose, "二、主动公开政府信息情况", prose], Lines(text));
    }

    [Fact]
    public void Preformatted_text_keeps_its_lines()
    {
        var (text, _) = Read(Page("<pre>一、总体情况\n正文第一行\n\n正文第二行</pre>"));
        Assert.Equal(["一、总体情况", "正文第一行", "正文第二行"], Lines(text));
    }
}
