using ReportParser.Model;
using ReportParser.Templates;

namespace ReportParser.Tests.Templates;

/// <summary>What the catalogue derives from templates.json: heading-like 表三 labels, the year prior, the signals, the gov check.</summary>
public sealed class TemplateCatalogTests
{
    [Fact]
    public void HeadingLikeLabelsAreTheShortestFormsOfTable3Rows()
    {
        var labels = TemplateCatalog.Default.HeadingLikeLabels;
        Assert.Equal(["本年新收", "上年结转", "本年度办理结果", "结转下年"], labels.SectionStarts);
        Assert.Equal(["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "总计"], labels.SubsectionStarts);
    }

    [Theory]
    [InlineData(null, null, null, TemplateNames.Gov2021)]
    [InlineData(2008, TemplateNames.Legacy, null, TemplateNames.Gov2021)]
    [InlineData(2018, TemplateNames.Legacy, null, TemplateNames.Gov2021)]
    [InlineData(2019, TemplateNames.Gov2019, TemplateNames.Gov2019, TemplateNames.Gov2019)]
    [InlineData(2020, TemplateNames.Gov2019, TemplateNames.Gov2019, TemplateNames.Gov2019)]
    [InlineData(2021, TemplateNames.Gov2021, TemplateNames.Gov2021, TemplateNames.Gov2021)]
    [InlineData(2030, TemplateNames.Gov2021, TemplateNames.Gov2021, TemplateNames.Gov2021)]
    public void YearPriorFollowsTheEditionsFirstYears(int? year, string? prior, string? edition, string fallback)
    {
        var years = TemplateCatalog.Default.Years;
        Assert.Equal(prior, years.Prior(year));
        Assert.Equal(edition, years.Edition(year));
        Assert.Equal(fallback, years.Fallback(year));
    }

    [Fact]
    public void EditionsNewestFirst() =>
        Assert.Equal([TemplateNames.Gov2021, TemplateNames.Gov2019], TemplateCatalog.Default.Years.NewestFirst());

    [Fact]
    public void SignalsTieGoesToTheNewerEdition()
    {
        var signals = TemplateCatalog.Default.Signals;
        var found = new bool[signals.All.Count];
        Assert.Null(signals.Decide(found));
        found[IndexOf(signals.All, "本年新制作数量")] = true;
        Assert.Equal(TemplateNames.Gov2019, signals.Decide(found));
        found[IndexOf(signals.All, "本年制发件数")] = true;
        Assert.Equal(TemplateNames.Gov2021, signals.Decide(found));
        Assert.False(signals.SharedFound(found));
        found[IndexOf(signals.All, "本年度办理结果")] = true;
        Assert.True(signals.SharedFound(found));
    }

    [Fact]
    public void GovTemplatesAreTheCataloguedOnes()
    {
        Assert.True(TemplateCatalog.Default.Has(TemplateNames.Gov2019));
        Assert.True(TemplateCatalog.Default.Has(TemplateNames.Gov2021));
        Assert.False(TemplateCatalog.Default.Has(TemplateNames.Legacy));
        Assert.False(TemplateCatalog.Default.Has(TemplateNames.Unknown));
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        throw new KeyNotFoundException(item);
    }
}
