using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

/// <summary>
/// A small JSON Schema (draft 2020-12) validator for the keywords report.schema.json uses: type
/// (a name or an array of names), properties, required, additionalProperties (false or a schema),
/// items, enum, const, $ref to #/$defs/…, anyOf, oneOf, minimum, pattern. Annotations ($schema,
/// title, description) are ignored. Any other keyword throws, so the schema cannot silently use
/// something this validator does not check.
/// </summary>
internal sealed class JsonSchemaValidator
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "$defs"];
    private static readonly HashSet<string> Supported =
        ["type", "properties", "required", "additionalProperties", "items", "enum", "const", "$ref", "anyOf", "oneOf", "minimum", "pattern"];

    private readonly JsonObject _root;

    public JsonSchemaValidator(string schemaJson)
    {
        _root = JsonNode.Parse(schemaJson)!.AsObject();
    }

    /// <summary>The violations of <paramref name="json"/>, each as <c>path: problem</c>; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string json)
    {
        var errors = new List<string>();
        Validate(JsonNode.Parse(json), _root, "$", errors);
        return errors;
    }

    private void Validate(JsonNode? value, JsonNode? schemaNode, string path, List<string> errors)
    {
        if (schemaNode is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            if (!b.GetValue<bool>())
            {
                errors.Add($"{path}: not allowed");
            }

            return;
        }

        var schema = schemaNode!.AsObject();
        foreach (var (keyword, _) in schema)
        {
            if (!Supported.Contains(keyword) && !Annotations.Contains(keyword))
            {
                throw new NotSupportedException($"schema keyword {keyword} at {path} is not supported by this validator");
            }
        }

        if (schema["$ref"] is { } reference)
        {
            Validate(value, Resolve(reference.GetValue<string>()), path, errors);
        }

        if (schema["type"] is { } type)
        {
            var allowed = type is JsonArray array ? array.Select(t => t!.GetValue<string>()).ToArray() : [type.GetValue<string>()];
            if (!allowed.Any(t => HasType(value, t)))
            {
                errors.Add($"{path}: expected {string.Join(" or ", allowed)}, found {Describe(value)}");
                return;
            }
        }

        if (schema["const"] is { } constant && !JsonNode.DeepEquals(value, constant))
        {
            errors.Add($"{path}: expected {constant.ToJsonString()}, found {Describe(value)}");
        }

        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(value, o)))
        {
            errors.Add($"{path}: {Describe(value)} is not one of {options.ToJsonString()}");
        }

        if (schema["minimum"] is { } minimum && value is JsonValue number && number.GetValueKind() == JsonValueKind.Number
            && number.GetValue<decimal>() < minimum.GetValue<decimal>())
        {
            errors.Add($"{path}: {number} is less than {minimum}");
        }

        if (schema["pattern"] is { } pattern && value is JsonValue text && text.GetValueKind() == JsonValueKind.String
            && !Regex.IsMatch(text.GetValue<string>(), pattern.GetValue<string>()))
        {
            errors.Add($"{path}: \"{text}\" does not match {pattern}");
        }

        if (schema["anyOf"] is JsonArray anyOf && !anyOf.Any(s => Passes(value, s, path)))
        {
            errors.Add($"{path}: matches none of anyOf");
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            int matches = oneOf.Count(s => Passes(value, s, path));
            if (matches != 1)
            {
                // Report the errors of the closest branch to make failures readable.
                var best = oneOf.Select(s => Collect(value, s, path)).OrderBy(e => e.Count).First();
                errors.Add($"{path}: matches {matches} of oneOf (exactly one required)");
                errors.AddRange(best);
            }
        }

        if (value is JsonObject obj)
        {
            var properties = schema["properties"]?.AsObject();
            foreach (string name in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
            {
                if (!obj.ContainsKey(name))
                {
                    errors.Add($"{path}: required property {name} is missing");
                }
            }

            foreach (var (name, child) in obj)
            {
                string childPath = $"{path}.{name}";
                if (properties is not null && properties.TryGetPropertyValue(name, out var childSchema))
                {
                    Validate(child, childSchema, childPath, errors);
                }
                else if (schema["additionalProperties"] is { } additional)
                {
                    if (additional is JsonValue flag && flag.GetValueKind() == JsonValueKind.False)
                    {
                        errors.Add($"{childPath}: property not allowed");
                    }
                    else
                    {
                        Validate(child, additional, childPath, errors);
                    }
                }
            }
        }

        if (value is JsonArray items && schema["items"] is { } itemSchema)
        {
            for (int i = 0; i < items.Count; i++)
            {
                Validate(items[i], itemSchema, $"{path}[{i}]", errors);
            }
        }
    }

    private bool Passes(JsonNode? value, JsonNode? schema, string path) => Collect(value, schema, path).Count == 0;

    private List<string> Collect(JsonNode? value, JsonNode? schema, string path)
    {
        var errors = new List<string>();
        Validate(value, schema, path, errors);
        return errors;
    }

    private JsonNode Resolve(string reference)
    {
        const string prefix = "#/$defs/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"$ref {reference}: only #/$defs/… references are supported");
        }

        return _root["$defs"]?[reference[prefix.Length..]] ?? throw new InvalidOperationException($"$ref {reference} does not resolve");
    }

    private static bool HasType(JsonNode? value, string type)
    {
        var kind = value is null ? JsonValueKind.Null : value.GetValueKind();
        return type switch
        {
            "null" => kind == JsonValueKind.Null,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "string" => kind == JsonValueKind.String,
            "number" => kind == JsonValueKind.Number,
            "integer" => kind == JsonValueKind.Number && IsInteger(value!),
            _ => throw new NotSupportedException($"type {type} is not supported"),
        };
    }

    private static bool IsInteger(JsonNode number) =>
        decimal.TryParse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) && d == decimal.Truncate(d);

    private static string Describe(JsonNode? value) => value is null ? "null" : value.ToJsonString();
}
