using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FrameworkCompare.Web.Api;

public sealed record ApiParameterDoc(string Name, string In, bool Required, string Type, string Description, string? Example);
public sealed record ApiResponseDoc(string Status, string Description, string? Schema);
public sealed record ApiOperationDoc(string Id, string Path, string Summary, string Description, IReadOnlyList<ApiParameterDoc> Parameters,
    IReadOnlyList<ApiResponseDoc> Responses, string ExampleUrl, string ExampleJson);
/// <param name="Schema">The schema the field holds (or holds a list of), for a link to it.</param>
public sealed record ApiFieldDoc(string Name, string Type, bool Required, string Description, string? Schema);
public sealed record ApiSchemaDoc(string Name, string Description, IReadOnlyList<ApiFieldDoc> Fields);
public sealed record ApiReferenceViewModel(string Title, string Description, IReadOnlyList<ApiOperationDoc> Operations, IReadOnlyList<ApiSchemaDoc> Schemas)
{
    /// <summary>Requests one client may make per window, shared with search and exports.</summary>
    public int PermitLimit { get; init; }
    public int WindowSeconds { get; init; }
}

/// <summary>
/// The reference page's content, read from the OpenAPI document itself (as JSON), so the page cannot drift from
/// the contract: every path with its parameters, responses, an example request and the shape of its answer.
/// </summary>
public static class ApiReference
{
    // Shown inside <pre>, where Razor encodes it: no need for the default's \u escapes.
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<ApiReferenceViewModel> BuildAsync(IOpenApiDocumentProvider provider, CancellationToken ct)
    {
        var document = await provider.GetOpenApiDocumentAsync(ct);
        var json = JsonNode.Parse(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, ct))!;
        var schemas = json["components"]?["schemas"]?.AsObject() ?? [];
        var operations = new List<ApiOperationDoc>();
        foreach (var (path, item) in json["paths"]!.AsObject())
        {
            if (item?["get"] is not { } get) continue;
            var parameters = (get["parameters"]?.AsArray() ?? []).Select(p => new ApiParameterDoc(
                Text(p, "name"), Text(p, "in"), p!["required"]?.GetValue<bool>() == true, TypeOf(p["schema"]), Text(p, "description"),
                p["example"]?.ToString())).ToList();
            var responses = get["responses"]!.AsObject().OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ApiResponseDoc(
                r.Key, Text(r.Value, "description"), SchemaOf(r.Value) is { } s ? TypeOf(s) : null)).ToList();
            var ok = get["responses"]!["200"];
            operations.Add(new ApiOperationDoc(
                Anchor(path), path, Text(get, "summary"), Text(get, "description"), parameters, responses, ExampleUrl(path, parameters),
                SchemaOf(ok) is { } schema ? Example(schema, schemas, 0)?.ToJsonString(Indented) ?? "" : ""));
        }
        var docs = schemas.Where(s => s.Key != "ProblemDetails").Select(s => new ApiSchemaDoc(s.Key, Text(s.Value, "description"),
            (s.Value!["properties"]?.AsObject() ?? []).Select(p => new ApiFieldDoc(p.Key, TypeOf(p.Value),
                s.Value["required"]?.AsArray().Any(r => r!.GetValue<string>() == p.Key) == true, Text(p.Value, "description"),
                Name(p.Value?["$ref"] ?? p.Value?["items"]?["$ref"]))).ToList())).ToList();
        return new ApiReferenceViewModel(document.Info.Title ?? "", document.Info.Description ?? "", operations, docs);
    }

    public static string Anchor(string path) => "get" + string.Concat(path.Split('/', '{', '}').Where(p => p.Length > 0).Select(p => "-" + p));

    static string? Name(JsonNode? reference) => reference?.GetValue<string>() is { } r ? r[(r.LastIndexOf('/') + 1)..] : null;

    static string Text(JsonNode? node, string key) => node?[key]?.GetValue<string>() ?? "";

    static JsonNode? SchemaOf(JsonNode? response) =>
        response?["content"]?.AsObject().Select(c => c.Value?["schema"]).FirstOrDefault(s => s is not null);

    /// <summary>A path with its example values filled in, and the query parameters' examples appended.</summary>
    static string ExampleUrl(string path, IEnumerable<ApiParameterDoc> parameters)
    {
        var query = new List<string>();
        foreach (var p in parameters.Where(p => p.Example is not null))
        {
            if (p.In == "path") path = path.Replace("{" + p.Name + "}", Uri.EscapeDataString(p.Example!));
            else if (p.In == "query") query.Add($"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Example!)}");
        }
        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    /// <summary>"string", "string or null", "array of FactDto", "FrameworkSummaryDto" …</summary>
    public static string TypeOf(JsonNode? schema)
    {
        if (Name(schema?["$ref"]) is { } name) return name;
        var types = schema?["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => new List<string>(),
        };
        // Numbers may also be read from strings; what the API writes is the number.
        if (types.Contains("integer")) types.Remove("string");
        var named = types.Where(t => t != "null").Select(t => t == "array" ? "array of " + TypeOf(schema!["items"]) : t)
            .Select(t => schema?["format"]?.GetValue<string>() is { } format and not "int32" ? $"{t} ({format})" : t).ToList();
        if (named.Count == 0) named.Add("any");
        return string.Join(" or ", named) + (types.Contains("null") ? " or null" : "");
    }

    /// <summary>A made-up instance of a schema, to show the shape of an answer.</summary>
    static JsonNode? Example(JsonNode schema, JsonObject components, int depth)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
            return depth > 6 ? new JsonObject() : Example(components[reference[(reference.LastIndexOf('/') + 1)..]]!, components, depth + 1);
        var types = schema["type"] is JsonArray many ? many.Select(t => t!.GetValue<string>()).ToList() : [schema["type"]?.GetValue<string>() ?? "object"];
        var type = types.Contains("integer") ? "integer" : types.FirstOrDefault(t => t != "null") ?? "null";
        return type switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? []).Select(p =>
                KeyValuePair.Create(p.Key, Example(p.Value!, components, depth + 1)))),
            "array" => new JsonArray(Example(schema["items"]!, components, depth + 1)),
            "integer" or "number" => JsonValue.Create(0),
            "boolean" => JsonValue.Create(false),
            "string" when schema["format"]?.GetValue<string>() == "date" => JsonValue.Create("2026-01-31"),
            "string" => JsonValue.Create("string"),
            _ => null,
        };
    }
}
