using System.Globalization;
using System.Text.Json;

namespace FrameworkCompare.Tests.Api;

/// <summary>
/// Checks JSON against the subset of JSON Schema that the OpenAPI generator writes: $ref, type (one or a list,
/// with "null"), properties, required, items, anyOf/oneOf/allOf and the date format. Strict mode also refuses
/// properties the schema does not name, so an answer cannot carry undocumented fields.
/// </summary>
public sealed class SchemaCheck(JsonElement document)
{
    readonly JsonElement schemas = document.GetProperty("components").GetProperty("schemas");

    public List<string> Errors(JsonElement value, JsonElement schema, bool strict, string at = "$")
    {
        var errors = new List<string>();
        Check(value, schema, strict, at, errors);
        return errors;
    }

    void Check(JsonElement value, JsonElement schema, bool strict, string at, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            Assert.True(schemas.TryGetProperty(name, out var target), $"{at}: $ref to a missing schema {name}");
            Check(value, target, strict, at, errors);
            return;
        }
        foreach (var keyword in new[] { "anyOf", "oneOf" })
            if (schema.TryGetProperty(keyword, out var options) &&
                !options.EnumerateArray().Any(option => Errors(value, option, strict, at).Count == 0))
                errors.Add($"{at}: matches none of {keyword}");
        if (schema.TryGetProperty("allOf", out var all))
            foreach (var part in all.EnumerateArray()) Check(value, part, strict, at, errors);

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!types.Any(t => Is(value, t))) { errors.Add($"{at}: {value.ValueKind} where the schema says {string.Join(" or ", types)}"); return; }
        }
        if (value.ValueKind == JsonValueKind.String && schema.TryGetProperty("format", out var format) && format.GetString() == "date" &&
            !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            errors.Add($"{at}: '{value.GetString()}' is not a date");

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            if (schema.TryGetProperty("required", out var required))
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    if (!value.TryGetProperty(name, out _)) errors.Add($"{at}: required property '{name}' is missing");
            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                    Check(property.Value, propertySchema, strict, $"{at}.{property.Name}", errors);
                else if (strict) errors.Add($"{at}: property '{property.Name}' is not in the schema");
            }
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray()) Check(item, items, strict, $"{at}[{i++}]", errors);
        }
    }

    static bool Is(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => throw new InvalidOperationException($"the checker does not know the type '{type}'"),
    };
}
