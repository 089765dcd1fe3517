using System.Text.Json.Serialization;
using ReportParser.Model;

namespace ReportParser.Output;

/// <summary>
/// Compile-time JSON metadata for <see cref="ReportDocument"/>: no reflection and no serializer
/// code generation at run time, which is most of the cost of the first document a process writes.
/// The options are those of <see cref="JsonReportWriter.CreateOptions"/>; the writer adds the encoder.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict,
    IndentSize = 2)]
[JsonSerializable(typeof(ReportDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
