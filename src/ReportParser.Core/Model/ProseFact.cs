namespace ReportParser.Model;

/// <summary>
/// A numeric statement of the prose that names one table quantity (<c>共收到政府信息公开申请70件</c>): its
/// sentence and line, the value and unit it states, and the cell it names (<c>table3.new_received.total</c>; a
/// group row's <c>total</c> is the sum of its rows, <c>table4.litigation.total</c> both litigation blocks,
/// <c>table3.completion_rate</c> （七）总计 ÷ (一 + 二) in percent). Its check is a <c>P_*</c> rule in <c>checks</c>.
/// </summary>
public sealed record ProseFact(string Text, int? Line, decimal Value, string Unit, string Cell)
{
    /// <summary>The check rule the fact is held to (P_T3_NEW_TOTAL …); not written, the check result carries it.</summary>
    internal string Rule { get; init; } = "";
}
