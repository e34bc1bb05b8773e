using System.ComponentModel.DataAnnotations;

namespace FrameworkCompare.Web.Models;

/// <summary>The sign-in form; <see cref="Keep"/> carries an editor's unsaved text through an expired session.</summary>
public sealed class LoginForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter your password.")]
    [Display(Name = "Password")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
    public KeptDraft? Keep { get; set; }
}

/// <summary>An editor's text posted back with sign-in, saved as their draft once they are signed in.</summary>
public sealed class KeptDraft
{
    public string? Path { get; set; }
    public string? BaseHash { get; set; }
    public string? Text { get; set; }
    public string? Message { get; set; }

    public bool IsPresent => !string.IsNullOrEmpty(Path) && Text is not null;
}

/// <summary>The second step of sign-in: a code from the authenticator app, or a recovery code.</summary>
public sealed class TwoFactorLoginForm
{
    [Required(ErrorMessage = "Enter the code from your authenticator app, or a recovery code.")]
    [Display(Name = "Code")]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
    public KeptDraft? Keep { get; set; }
}

/// <summary>
/// The two-factor settings page: the account's state, and an authenticator key offered for enrolling (a new one on
/// every view, stored only when an enrolment with it succeeds).
/// </summary>
public sealed class TwoFactorPage
{
    public bool Enabled { get; init; }
    public bool IsAdmin { get; init; }
    /// <summary>The offered key, protected for this account and a limited time, posted back by the enrol form.</summary>
    public required string Enrolment { get; init; }
    public required string SharedKey { get; init; }
    public required string AuthenticatorUri { get; init; }
    public required string QrCodeDataUri { get; init; }
    public IReadOnlyList<string> RecoveryCodes { get; init; } = [];
    public string? Error { get; init; }
    public string? Status { get; init; }
}

/// <summary>What the two-factor forms post: enrolling needs the password and the new app's code (and, when two-factor is
/// on, the current app's code); turning it off needs the password and a current code.</summary>
public sealed class TwoFactorForm
{
    public string? Password { get; set; }
    /// <summary>Enrolling: the code the newly added app shows. Turning off: the current app's code.</summary>
    public string? Code { get; set; }
    /// <summary>Moving to another app while two-factor is on: the code of the app used until now.</summary>
    public string? CurrentCode { get; set; }
    public string? Enrolment { get; set; }
}
