using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Identity;

namespace FrameworkCompare.Web.Accounts;

/// <summary>
/// OWASP ASVS 5.0 password rules beyond the length Identity checks: a ceiling high enough for passphrases,
/// no password from the shipped list of common ones, and none that contains the account's email name.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<EditorUser>
{
    public const int MinLength = 12, MaxLength = 256;
    // Shorter local parts ("jo@…") would refuse too many good passwords for the little they protect.
    const int MinPersonalLength = 3;

    static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public static int CommonCount => Common.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<EditorUser> manager, EditorUser user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        if (password.Length > MaxLength)
            errors.Add(new() { Code = "PasswordTooLong", Description = $"Passwords can be at most {MaxLength} characters long." });
        if (Common.Value.Contains(password.ToLowerInvariant()))
            errors.Add(new() { Code = "PasswordCommon", Description = "This password is on a list of commonly used passwords; choose another." });
        var local = (user.Email ?? user.UserName ?? "").Split('@')[0];
        if (local.Length >= MinPersonalLength && password.Contains(local, StringComparison.OrdinalIgnoreCase))
            errors.Add(new() { Code = "PasswordPersonal", Description = "The password must not contain the name part of the email address." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("FrameworkCompare.Web.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line.ToLowerInvariant());
        return set;
    }
}
