using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Sightline.Web.Pages;

/// <summary>A labelled group of options in a select (an HTML optgroup).</summary>
public sealed record OptionGroup(string Label, IReadOnlyList<(string Value, string Text)> Options);

public static partial class Govuk
{
    /// <summary>The Design System's select with its options in labelled groups (for example, people under their agency).</summary>
    public static IHtmlContent GroupedSelect(this IHtmlHelper html, string name, string label, IEnumerable<OptionGroup> groups, string? selected,
        string? hint = null, string? emptyText = "Select") =>
        GroupedSelect(name, label, groups, selected, hint, ErrorFor(html, name), emptyText);

    internal static IHtmlContent GroupedSelect(string name, string label, IEnumerable<OptionGroup> groups, string? selected, string? hint, string? error,
        string? emptyText = "Select")
    {
        var items = (emptyText is null ? "" : $"<option value=\"\">{E(emptyText)}</option>") +
            string.Concat(groups.Where(g => g.Options.Count > 0).Select(g =>
                $"<optgroup label=\"{E(g.Label)}\">" +
                string.Concat(g.Options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == selected ? " selected" : "")}>{E(o.Text)}</option>")) +
                "</optgroup>"));
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\"><label class=\"govuk-label\" for=\"{name}\">{E(label)}</label>{Hint(name, hint)}{ErrorMessage(name, error)}" +
            $"<select class=\"govuk-select{(error is null ? "" : " govuk-select--error")}\" id=\"{name}\" name=\"{name}\"{DescribedBy(name, hint, error)}>{items}</select></div>");
    }
}
