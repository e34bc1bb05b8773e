using System.Net.Mail;

namespace FrameworkCompare.Web.Models;

/// <summary>A reader's report that a fact is wrong. Every field is hostile text until shown encoded.</summary>
public sealed class ReportForm
{
    public const int MaxMessage = 2000, MaxValue = 500, MaxUrl = 500, MaxEmail = 254;

    public string? WhatIsWrong { get; set; }
    public string? CorrectValue { get; set; }
    public string? EvidenceUrl { get; set; }
    public string? Email { get; set; }
    /// <summary>Hidden from people; a form that fills it in is a robot's.</summary>
    public string? Website { get; set; }

    public Dictionary<string, string> Errors()
    {
        var errors = new Dictionary<string, string>();
        ReaderText.Require(errors, nameof(WhatIsWrong), WhatIsWrong, MaxMessage, "Say what is wrong");
        ReaderText.Limit(errors, nameof(CorrectValue), CorrectValue, MaxValue);
        if (string.IsNullOrWhiteSpace(EvidenceUrl)) errors[nameof(EvidenceUrl)] = "Give a link to a page that shows the correct value";
        else if (EvidenceUrl.Length > MaxUrl || !Uri.TryCreate(EvidenceUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            errors[nameof(EvidenceUrl)] = "The evidence must be an http or https address";
        ReaderText.Email(errors, nameof(Email), Email);
        return errors;
    }
}

/// <summary>A reader's question for the editors.</summary>
public sealed class QuestionForm
{
    public const int MaxQuestion = 1000;

    public string? Question { get; set; }
    public string? About { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }

    public Dictionary<string, string> Errors()
    {
        var errors = new Dictionary<string, string>();
        ReaderText.Require(errors, nameof(Question), Question, MaxQuestion, "Write your question");
        ReaderText.Email(errors, nameof(Email), Email);
        return errors;
    }
}

public static class ReaderText
{
    /// <summary>Trimmed, without control characters (line breaks kept), or null when empty.</summary>
    public static string? Clean(string? text)
    {
        if (text is null) return null;
        var cleaned = string.Concat(text.Where(c => c == '\n' || !char.IsControl(c))).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    public static void Require(Dictionary<string, string> errors, string field, string? value, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = missing;
        else Limit(errors, field, value, max);
    }

    public static void Limit(Dictionary<string, string> errors, string field, string? value, int max)
    {
        if (value is { } text && text.Length > max) errors[field] = $"At most {max:N0} characters, please";
    }

    public static void Email(Dictionary<string, string> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (value.Length > ReportForm.MaxEmail || !MailAddress.TryCreate(value.Trim(), out var address) || address.Address != value.Trim())
            errors[field] = "This is not an email address; leave it empty if you do not want a reply";
    }
}
