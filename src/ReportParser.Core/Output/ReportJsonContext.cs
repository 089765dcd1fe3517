using System.Text.Json.Serialization;
using ReportParser.Model;

namespace ReportParser.Output;

/// <summary>
/// Compile-time JSON metadata for <see cref="ReportDocument"/>, the type information of
/// <see cref="JsonReportWriter.CreateOptions"/> (no reflection). <see cref="JsonReportWriter"/> itself
/// writes through <see cref="ReportJsonEmitter"/>, which a test keeps identical to the serializer.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ReportDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
