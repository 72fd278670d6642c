using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Sightline.Web.Pages;

/// <summary>
/// The GOV.UK Design System components we use, emitting the Design System's markup (checked
/// against govuk-frontend's fixtures in the tests). An error for a field is the ModelState error
/// under the field's name; the error summary links to the element with that id.
/// </summary>
public static partial class Govuk
{
    private static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    private const string FieldOrderKey = "govuk:field-order";

    /// <summary>Also notes the field's place on the page, so the error summary can list errors in that order.</summary>
    private static string? ErrorFor(IHtmlHelper html, string name)
    {
        var items = html.ViewContext.HttpContext.Items;
        if (items[FieldOrderKey] is not List<string> order) items[FieldOrderKey] = order = [];
        order.Add(name);
        return html.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    }

    private static string ErrorMessage(string id, string? error) =>
        error is null ? "" : $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>";

    private static string Hint(string id, string? hint) => hint is null ? "" : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{E(hint)}</div>";

    private static string DescribedBy(string id, string? hint, string? error)
    {
        var ids = new List<string>();
        if (hint is not null) ids.Add($"{id}-hint");
        if (error is not null) ids.Add($"{id}-error");
        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    public static IHtmlContent TextInput(this IHtmlHelper html, string name, string label, string? value, string? hint = null,
        string? widthClass = null, string type = "text", string? autocomplete = null, bool labelIsHeading = false, bool spellcheck = true) =>
        TextInput(name, label, value, hint, ErrorFor(html, name), widthClass, type, autocomplete, labelIsHeading, spellcheck);

    internal static IHtmlContent TextInput(string name, string label, string? value, string? hint, string? error,
        string? widthClass = null, string type = "text", string? autocomplete = null, bool labelIsHeading = false, bool spellcheck = true)
    {
        var classes = "govuk-input" + (widthClass is null ? "" : " " + widthClass) + (error is null ? "" : " govuk-input--error");
        var labelHtml = labelIsHeading
            ? $"<h1 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--l\" for=\"{name}\">{E(label)}</label></h1>"
            : $"<label class=\"govuk-label\" for=\"{name}\">{E(label)}</label>";
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">{labelHtml}{Hint(name, hint)}{ErrorMessage(name, error)}" +
            $"<input class=\"{classes}\" id=\"{name}\" name=\"{name}\" type=\"{type}\"{(value is null ? "" : $" value=\"{E(value)}\"")}{DescribedBy(name, hint, error)}" +
            $"{(autocomplete is null ? "" : $" autocomplete=\"{autocomplete}\"")}{(spellcheck ? "" : " spellcheck=\"false\"")}></div>");
    }

    /// <summary>A GOV.UK file upload; the form needs <c>enctype="multipart/form-data"</c>.</summary>
    public static IHtmlContent FileUpload(this IHtmlHelper html, string name, string label, string? hint = null, string? accept = null)
    {
        var error = ErrorFor(html, name);
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\"><label class=\"govuk-label\" for=\"{name}\">{E(label)}</label>" +
            $"{Hint(name, hint)}{ErrorMessage(name, error)}" +
            $"<input class=\"govuk-file-upload{(error is null ? "" : " govuk-file-upload--error")}\" id=\"{name}\" name=\"{name}\" type=\"file\"" +
            $"{(accept is null ? "" : $" accept=\"{E(accept)}\"")}{DescribedBy(name, hint, error)}></div>");
    }

    public static IHtmlContent Textarea(this IHtmlHelper html, string name, string label, string? value, string? hint = null, int rows = 5) =>
        Textarea(name, label, value, hint, ErrorFor(html, name), rows);

    internal static IHtmlContent Textarea(string name, string label, string? value, string? hint, string? error, int rows = 5)
    {
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\"><label class=\"govuk-label\" for=\"{name}\">{E(label)}</label>{Hint(name, hint)}{ErrorMessage(name, error)}" +
            $"<textarea class=\"govuk-textarea{(error is null ? "" : " govuk-textarea--error")}\" id=\"{name}\" name=\"{name}\" rows=\"{rows}\"{DescribedBy(name, hint, error)}>{E(value)}</textarea></div>");
    }

    /// <summary>Day, month and year boxes; the day box carries the field's id so the error summary can link to it.</summary>
    public static IHtmlContent DateInput(this IHtmlHelper html, string name, string legend, string? day, string? month, string? year, string? hint = null)
    {
        var error = ErrorFor(html, name);
        var errorClass = error is null ? "" : " govuk-input--error";
        string Item(string part, string id, string label, string? value, string width) =>
            $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{label}</label>" +
            $"<input class=\"govuk-input govuk-date-input__input {width}{errorClass}\" id=\"{id}\" name=\"{name}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{E(value)}\"></div></div>";
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\"><fieldset class=\"govuk-fieldset\" role=\"group\"{DescribedBy(name, hint, error)}>" +
            $"<legend class=\"govuk-fieldset__legend\">{E(legend)}</legend>{Hint(name, hint)}{ErrorMessage(name, error)}" +
            $"<div class=\"govuk-date-input\" id=\"{name}-group\">{Item("Day", name, "Day", day, "govuk-input--width-2")}{Item("Month", name + "-month", "Month", month, "govuk-input--width-2")}{Item("Year", name + "-year", "Year", year, "govuk-input--width-4")}</div>" +
            "</fieldset></div>");
    }

    public static IHtmlContent Select(this IHtmlHelper html, string name, string label, IEnumerable<(string Value, string Text)> options, string? selected, string? hint = null, string? emptyText = "Select")
    {
        var error = ErrorFor(html, name);
        var items = (emptyText is null ? "" : $"<option value=\"\">{E(emptyText)}</option>") +
            string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == selected ? " selected" : "")}>{E(o.Text)}</option>"));
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\"><label class=\"govuk-label\" for=\"{name}\">{E(label)}</label>{Hint(name, hint)}{ErrorMessage(name, error)}" +
            $"<select class=\"govuk-select{(error is null ? "" : " govuk-select--error")}\" id=\"{name}\" name=\"{name}\"{DescribedBy(name, hint, error)}>{items}</select></div>");
    }

    public static IHtmlContent Radios(this IHtmlHelper html, string name, string legend, IEnumerable<(string Value, string Text)> options, string? selected, string? hint = null, bool inline = false, bool legendIsHeading = false)
    {
        var error = ErrorFor(html, name);
        var index = 0;
        var items = string.Concat(options.Select(o =>
        {
            var id = index++ == 0 ? name : $"{name}-{index}";
            return $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{id}\" name=\"{name}\" type=\"radio\" value=\"{E(o.Value)}\"{(o.Value == selected ? " checked" : "")}>" +
                   $"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{E(o.Text)}</label></div>";
        }));
        var legendHtml = legendIsHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{E(legend)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>";
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\"><fieldset class=\"govuk-fieldset\"{DescribedBy(name, hint, error)}>" +
            $"{legendHtml}{Hint(name, hint)}{ErrorMessage(name, error)}" +
            $"<div class=\"govuk-radios{(inline ? " govuk-radios--inline" : "")}\" data-module=\"govuk-radios\">{items}</div></fieldset></div>");
    }

    public static IHtmlContent Checkboxes(this IHtmlHelper html, string name, string legend, IEnumerable<(string Value, string Text)> options, ICollection<string> selected, string? hint = null)
    {
        var error = ErrorFor(html, name);
        var index = 0;
        var items = string.Concat(options.Select(o =>
        {
            var id = index++ == 0 ? name : $"{name}-{index}";
            return $"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"{id}\" name=\"{name}\" type=\"checkbox\" value=\"{E(o.Value)}\"{(selected.Contains(o.Value) ? " checked" : "")}>" +
                   $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{id}\">{E(o.Text)}</label></div>";
        }));
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\"><fieldset class=\"govuk-fieldset\"{DescribedBy(name, hint, error)}>" +
            $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>{Hint(name, hint)}{ErrorMessage(name, error)}" +
            $"<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">{items}</div></fieldset></div>");
    }

    /// <summary>The error summary: every error on the page, each linking to its field.</summary>
    /// <summary>
    /// Rendered lazily: Razor writes the page's buffer out only after the whole page has run, so by
    /// then every field below the summary has said where it stands and the errors follow the page's order.
    /// </summary>
    public static IHtmlContent ErrorSummary(this IHtmlHelper html) => new LazyHtml(() =>
    {
        var order = html.ViewContext.HttpContext.Items[FieldOrderKey] as List<string> ?? [];
        int Position(string key)
        {
            var index = order.FindIndex(f => string.Equals(f, key, StringComparison.OrdinalIgnoreCase));
            return index < 0 ? int.MaxValue : index;
        }
        return ErrorSummary(html.ViewData.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => (e.Key, e.Value!.Errors[0].ErrorMessage))
            .OrderBy(e => Position(e.Key)).ToList());
    });

    private sealed class LazyHtml(Func<IHtmlContent> render) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) => render().WriteTo(writer, encoder);
    }

    internal static IHtmlContent ErrorSummary(IReadOnlyList<(string Key, string Message)> errors)
    {
        if (errors.Count == 0) return HtmlString.Empty;
        var items = string.Concat(errors.Select(e => string.IsNullOrEmpty(e.Key)
            ? $"<li>{E(e.Message)}</li>"
            : $"<li><a href=\"#{E(FieldId(e.Key))}\">{E(e.Message)}</a></li>"));
        return new HtmlString(
            "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>" +
            $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div></div>");
    }

    /// <summary>
    /// The id of the field an error belongs to. Model binding may have created the ModelState entry
    /// under the property's name ("Email", "StartDate") before the page added its error as "email";
    /// the dictionary ignores case but ids do not, and our fields' ids are their camelCase names.
    /// </summary>
    private static string FieldId(string key) => char.ToLowerInvariant(key[0]) + key[1..];

    public static IHtmlContent Tag(string text, string? colour = null) =>
        new HtmlString($"<strong class=\"govuk-tag{(colour is null ? "" : " govuk-tag--" + colour)}\">{E(text)}</strong>");
}
