using System.Text;
using System.Text.Json;

namespace Sightline.Web.Pages;

/// <summary>Turns an audit entry's JSON details into a few readable lines ("LastName: Smith → Smyth").</summary>
public static class AuditText
{
    public static string Describe(string? details)
    {
        if (string.IsNullOrWhiteSpace(details)) return "";
        try
        {
            using var doc = JsonDocument.Parse(details);
            var text = new StringBuilder();
            Write(doc.RootElement, text, "");
            return text.ToString().TrimEnd();
        }
        catch (JsonException)
        {
            return details;
        }
    }

    private static void Write(JsonElement element, StringBuilder text, string prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            text.Append(prefix).AppendLine(Value(element));
            return;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "changes" && property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var change in property.Value.EnumerateObject())
                {
                    // Keys and the actor are already in the row (who, which record); they only add noise here.
                    if (IsBookkeeping(change.Name)) continue;
                    var v = change.Value;
                    if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("to", out var to))
                        text.AppendLine($"{change.Name}: {(v.TryGetProperty("from", out var from) ? Value(from) : "")} → {Value(to)}");
                    else if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("from", out var removed))
                        text.AppendLine($"{change.Name}: {Value(removed)} (removed)");
                    else text.AppendLine($"{change.Name}: {Value(v)}");
                }
            }
            else if (property.Value.ValueKind is not JsonValueKind.Null)
                text.AppendLine($"{property.Name}: {Value(property.Value)}");
        }
    }

    private static bool IsBookkeeping(string name) =>
        name is "Id" or "PersonId" or "Version" || name.EndsWith("UserId", StringComparison.Ordinal) || name == "FlagTypeId" || name == "AgencyId";

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null => "(none)",
        JsonValueKind.Array => $"{value.GetArrayLength()} item(s)",
        _ => value.GetRawText(),
    };
}
