using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Sightline.Web.Pages;

/// <summary>One radio: its value, its label, an optional hint under it, and an optional "or" divider before it.</summary>
public sealed record RadioItem(string Value, string Text, string? Hint = null, string? DividerBefore = null);

public static partial class Govuk
{
    /// <summary>
    /// Radios whose items may carry their own hints (the Design System's "with hints on items") and a
    /// divider. The first item's id is the field's name, so the error summary links to it.
    /// </summary>
    public static IHtmlContent Radios(this IHtmlHelper html, string name, string legend, IEnumerable<RadioItem> items, string? selected,
        string? hint = null, string legendClass = "govuk-fieldset__legend--s", bool inline = false) =>
        Radios(name, legend, items, selected, hint, ErrorFor(html, name), legendClass, inline);

    internal static IHtmlContent Radios(string name, string legend, IEnumerable<RadioItem> items, string? selected, string? hint, string? error,
        string legendClass = "govuk-fieldset__legend--s", bool inline = false)
    {
        var index = 0;
        var body = string.Concat(items.Select(item =>
        {
            var divider = "";
            if (item.DividerBefore is not null)
            {
                index++;
                divider = $"<div class=\"govuk-radios__divider\">{E(item.DividerBefore)}</div>";
            }
            var id = index++ == 0 ? name : $"{name}-{index}";
            var itemHint = item.Hint is null ? "" : $"<div id=\"{id}-item-hint\" class=\"govuk-hint govuk-radios__hint\">{E(item.Hint)}</div>";
            return divider +
                   $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{id}\" name=\"{name}\" type=\"radio\" value=\"{E(item.Value)}\"" +
                   $"{(item.Value == selected ? " checked" : "")}{(item.Hint is null ? "" : $" aria-describedby=\"{id}-item-hint\"")}>" +
                   $"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{E(item.Text)}</label>{itemHint}</div>";
        }));
        var legendClasses = "govuk-fieldset__legend" + (string.IsNullOrEmpty(legendClass) ? "" : " " + legendClass);
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\"><fieldset class=\"govuk-fieldset\"{DescribedBy(name, hint, error)}>" +
            $"<legend class=\"{legendClasses}\">{E(legend)}</legend>{Hint(name, hint)}{ErrorMessage(name, error)}" +
            $"<div class=\"govuk-radios{(inline ? " govuk-radios--inline" : "")}\" data-module=\"govuk-radios\">{body}</div></fieldset></div>");
    }
}
