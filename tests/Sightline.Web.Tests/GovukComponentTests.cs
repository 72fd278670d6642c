using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Html;
using Sightline.Web.Pages;

namespace Sightline.Web.Tests;

/// <summary>
/// Our GOV.UK helpers against the fixtures shipped in govuk-frontend (the Design System's own
/// examples): same elements, classes, ids, names, ARIA links and text. Attributes we add on
/// purpose (autocomplete, spellcheck) are not part of the comparison.
/// </summary>
public sealed class GovukComponentTests
{
    private static readonly HtmlParser Parser = new();

    private static JsonElement Fixture(string component, string name)
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Sightline.sln"))) directory = Path.GetDirectoryName(directory);
        var path = Path.Combine(directory!, "src/Sightline.Web/node_modules/govuk-frontend/dist/govuk/components", component, "fixtures.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("fixtures").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name).Clone();
    }

    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    private static readonly string[] Compared = ["id", "name", "type", "for", "aria-describedby", "role", "data-module", "rows", "href", "inputmode"];

    private static string Shape(string html)
    {
        var body = Parser.ParseDocument($"<body>{html}</body>").Body!;
        var lines = new List<string>();
        void Walk(IElement element, int depth)
        {
            var classes = string.Join(' ', element.ClassList.OrderBy(c => c));
            var attributes = string.Join(' ', Compared.Where(element.HasAttribute).Select(a => $"{a}={element.GetAttribute(a)}"));
            var text = string.Join(' ', element.ChildNodes.OfType<IText>().Select(t => t.Data.Trim()).Where(t => t.Length > 0));
            lines.Add($"{new string(' ', depth * 2)}<{element.LocalName} class='{classes}' {attributes}> {text}");
            foreach (var child in element.Children) Walk(child, depth + 1);
        }
        foreach (var child in body.Children) Walk(child, 0);
        return string.Join('\n', lines);
    }

    private static string? Text(JsonElement options, string property, string inner = "text") =>
        options.TryGetProperty(property, out var p) && p.TryGetProperty(inner, out var t) ? t.GetString() : null;

    [Theory]
    [InlineData("default")]
    [InlineData("with hint text")]
    [InlineData("with error message")]
    public void Text_input_matches_the_design_system(string fixture)
    {
        var f = Fixture("input", fixture);
        var options = f.GetProperty("options");
        var id = options.TryGetProperty("id", out var i) ? i.GetString()! : options.GetProperty("name").GetString()!;
        var ours = Govuk.TextInput(id, Text(options, "label")!, null, Text(options, "hint"), Text(options, "errorMessage"));
        // Our helper uses one identifier for id and name; the fixture's name differs only in that.
        var expected = Shape(f.GetProperty("html").GetString()!.Replace($"name=\"{options.GetProperty("name").GetString()}\"", $"name=\"{id}\""));
        Assert.Equal(expected, Shape(Render(ours)));
    }

    [Fact]
    public void Textarea_with_an_error_matches_the_design_system()
    {
        var f = Fixture("textarea", "with error message");
        var options = f.GetProperty("options");
        var ours = Govuk.Textarea(options.GetProperty("id").GetString()!, Text(options, "label")!, null, null, Text(options, "errorMessage"));
        Assert.Equal(Shape(f.GetProperty("html").GetString()!), Shape(Render(ours)));
    }

    [Fact]
    public void Error_summary_matches_the_design_system()
    {
        var f = Fixture("error-summary", "default");
        var errors = f.GetProperty("options").GetProperty("errorList").EnumerateArray()
            .Select(e => (e.GetProperty("href").GetString()!.TrimStart('#'), e.GetProperty("text").GetString()!)).ToList();
        Assert.Equal(Shape(f.GetProperty("html").GetString()!), Shape(Render(Govuk.ErrorSummary(errors))));
    }

    [Theory]
    [InlineData("with hints on items")]
    [InlineData("with a divider")]
    public void Radios_with_item_hints_and_dividers_match_the_design_system(string fixture)
    {
        var f = Fixture("radios", fixture);
        var options = f.GetProperty("options");
        var name = options.GetProperty("idPrefix").GetString()!;
        var legend = options.GetProperty("fieldset").GetProperty("legend");
        string? divider = null;
        var items = new List<RadioItem>();
        foreach (var item in options.GetProperty("items").EnumerateArray())
        {
            if (item.TryGetProperty("divider", out var d)) { divider = d.GetString(); continue; }
            items.Add(new RadioItem(item.GetProperty("value").GetString()!, item.GetProperty("text").GetString()!, Text(item, "hint"), divider));
            divider = null;
        }
        var ours = Govuk.Radios(name, legend.GetProperty("text").GetString()!, items, null, null, null,
            legend.TryGetProperty("classes", out var c) ? c.GetString()! : "");
        // Our legend is never the page heading here, and the first item's id is the field's name (for the error summary).
        var html = f.GetProperty("html").GetString()!;
        if (legend.TryGetProperty("isPageHeading", out _))
            html = System.Text.RegularExpressions.Regex.Replace(html, @"<h1 class=""govuk-fieldset__heading"">\s*(.*?)\s*</h1>", "$1", System.Text.RegularExpressions.RegexOptions.Singleline);
        // Items the fixture gives ids of their own take the ids our helper gives (name, name-2, …) instead.
        html = html.Replace($"name=\"{options.GetProperty("name").GetString()}\"", $"name=\"{name}\"");
        var position = 0;
        foreach (var item in options.GetProperty("items").EnumerateArray())
        {
            var ourId = position++ == 0 ? name : $"{name}-{position}";
            if (!item.TryGetProperty("id", out var own)) continue;
            html = html.Replace($"\"{own.GetString()}\"", $"\"{ourId}\"").Replace($"\"{own.GetString()}-item-hint\"", $"\"{ourId}-item-hint\"");
        }
        var expected = Shape(html);
        Assert.Equal(expected, Shape(Render(ours)));
    }
}
