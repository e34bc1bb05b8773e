using System.CommandLine;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Commands;

/// <summary>`users add|list|set-role|remove|reset-password|unlock|reset-2fa`: the accounts of the workspace, managed from the server.</summary>
public static class UsersCommand
{
    /// <summary>A refusal the verb reports as one line and exit code 1.</summary>
    sealed class Refused(string message) : Exception(message);

    sealed record Store(UserManager<EditorUser> Users, RoleManager<IdentityRole> Roles, SessionStore Sessions);

    public static Command Create()
    {
        var command = new Command("users", "Add, list and change the accounts that may sign in to the editor workspace");
        var passwordStdin = () => new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input" };

        var role = new Option<string>("--role") { Description = "admin, editor or contributor" };
        var addStdin = passwordStdin();
        command.Subcommands.Add(Verb("add", "Create an account", (store, email, parse) => AddAsync(store.Users, store.Roles, email, parse.GetValue(role), parse.GetValue(addStdin)), role, addStdin));
        command.Subcommands.Add(Verb("remove", "Delete an account (its sessions end with it)", RemoveAsync));
        var newRole = new Option<string>("--role") { Description = "admin, editor or contributor" };
        command.Subcommands.Add(Verb("set-role", "Give an account another role (its sessions end, so the new role applies at once)",
            (store, email, parse) => SetRoleAsync(store, email, parse.GetValue(newRole)), newRole));
        var resetStdin = passwordStdin();
        command.Subcommands.Add(Verb("reset-password", "Set a new password and end the account's sessions",
            (store, email, parse) => ResetPasswordAsync(store, email, parse.GetValue(resetStdin)), resetStdin));
        command.Subcommands.Add(Verb("unlock", "End a lockout after failed sign-ins", UnlockAsync));
        command.Subcommands.Add(Verb("reset-2fa", "Turn two-factor sign-in off (and end the account's sessions), for someone who lost their app and recovery codes",
            (store, email, _) => ResetTwoFactorAsync(store, email)));

        var list = new Command("list", "Print every account: email, roles, two-factor sign-in, locked until") { TreatUnmatchedTokensAsErrors = false };
        list.SetAction((parse, ct) => RunAsync(parse, ct, store => ListAsync(store.Users, Cli.Output(parse))));
        command.Subcommands.Add(list);
        return command;
    }

    static Command Verb(string name, string description, Func<Store, string, ParseResult, Task<string>> change, params Option[] options)
    {
        var email = new Argument<string>("email") { Description = "The account's email address" };
        var verb = new Command(name, description) { email };
        foreach (var option in options) verb.Options.Add(option);
        verb.TreatUnmatchedTokensAsErrors = false;
        verb.SetAction((parse, ct) => RunAsync(parse, ct, async store =>
        {
            var target = parse.GetValue(email)!.Trim();
            Cli.Output(parse).WriteLine(await change(store, target, parse));
            return (name, target);
        }));
        return verb;
    }

    static Command Verb(string name, string description, Func<UserManager<EditorUser>, string, Task<string>> change) =>
        Verb(name, description, (store, email, _) => change(store.Users, email));

    /// <summary>Opens the database, runs the change, audits it; a refusal is printed as one line with exit code 1.</summary>
    static async Task<int> RunAsync(ParseResult parse, CancellationToken ct, Func<Store, Task<(string Action, string Target)?>> run)
    {
        await using var app = await CommandHost.OpenAsync(Cli.Settings(parse), ct);
        await using var scope = app.Services.CreateAsyncScope();
        var store = new Store(scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>(), scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(),
            scope.ServiceProvider.GetRequiredService<SessionStore>());
        try
        {
            if (await run(store) is var (action, target))
                await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync("users " + action, AuditLog.CommandLine, target, ct: ct);
            return 0;
        }
        catch (Refused refused)
        {
            Cli.Output(parse).WriteLine($"users {parse.CommandResult.Command.Name}: {refused.Message}");
            return 1;
        }
    }

    static async Task<(string, string)?> ListAsync(UserManager<EditorUser> users, TextWriter output)
    {
        var accounts = await users.Users.OrderBy(u => u.NormalizedEmail).ToListAsync();
        if (accounts.Count == 0) output.WriteLine("No accounts yet. Create the first with: users add EMAIL --role admin --password-stdin");
        foreach (var user in accounts)
        {
            var roles = await users.GetRolesAsync(user);
            var locked = user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? $"locked until {end.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "not locked";
            output.WriteLine($"{user.Email}\t{(roles.Count == 0 ? "no role" : string.Join(",", roles.Order()))}\t2FA {(user.TwoFactorEnabled ? "on" : "off")}\t{locked}");
        }
        return null;
    }

    static async Task<string> AddAsync(UserManager<EditorUser> users, RoleManager<IdentityRole> roleManager, string email, string? role, bool passwordStdin)
    {
        if (role is null || !Roles.Assignable.Contains(role)) throw new Refused($"--role must be one of: {string.Join(", ", Roles.Assignable)}");
        if (await users.FindByEmailAsync(email) is not null) throw new Refused($"an account for {email} already exists");
        var password = ReadPassword(passwordStdin);
        var user = new EditorUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        Check(await users.CreateAsync(user, password));
        await EnsureRoleAsync(roleManager, role);
        Check(await users.AddToRoleAsync(user, role));
        return $"Added {email} ({role}).";
    }

    static async Task<string> RemoveAsync(UserManager<EditorUser> users, string email)
    {
        var user = await FindAsync(users, email);
        if (await users.IsInRoleAsync(user, Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1)
            throw new Refused($"{email} is the last admin; add another admin first, or nobody could manage accounts");
        Check(await users.DeleteAsync(user));
        return $"Removed {email}.";
    }

    static async Task<string> SetRoleAsync(Store store, string email, string? role)
    {
        var (users, roleManager) = (store.Users, store.Roles);
        if (role is null || !Roles.Assignable.Contains(role)) throw new Refused($"--role must be one of: {string.Join(", ", Roles.Assignable)}");
        var user = await FindAsync(users, email);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && role != Roles.Admin && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1)
            throw new Refused($"{email} is the last admin; make another account admin first");
        await EnsureRoleAsync(roleManager, role);
        Check(await users.RemoveFromRolesAsync(user, current));
        Check(await users.AddToRoleAsync(user, role));
        // The new stamp refuses the old sessions' cookies on every node; the rows go too.
        Check(await users.UpdateSecurityStampAsync(user));
        await store.Sessions.EndAllAsync(user.Id);
        return $"{email} is now {role} (was {(current.Count == 0 ? "no role" : string.Join(",", current))}).";
    }

    static async Task<string> ResetPasswordAsync(Store store, string email, bool passwordStdin)
    {
        var users = store.Users;
        var user = await FindAsync(users, email);
        var password = ReadPassword(passwordStdin);
        // The reset token path runs the password validators and changes the security stamp, which ends existing sessions.
        Check(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password));
        await store.Sessions.EndAllAsync(user.Id);
        return $"Set a new password for {email}; its sessions have ended.";
    }

    static async Task<string> UnlockAsync(UserManager<EditorUser> users, string email)
    {
        var user = await FindAsync(users, email);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        return $"Unlocked {email}.";
    }

    static async Task<string> ResetTwoFactorAsync(Store store, string email)
    {
        var users = store.Users;
        var user = await FindAsync(users, email);
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await store.Sessions.EndAllAsync(user.Id);
        return $"Turned two-factor sign-in off for {email}; its sessions have ended, and they can enrol again after signing in.";
    }

    static async Task<EditorUser> FindAsync(UserManager<EditorUser> users, string email) =>
        await users.FindByEmailAsync(email) ?? throw new Refused($"no account for {email}");

    /// <summary>Roles are made on first use, so a new database needs no seeding.</summary>
    static async Task EnsureRoleAsync(RoleManager<IdentityRole> roles, string role)
    {
        if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
    }

    static string ReadPassword(bool passwordStdin)
    {
        if (!passwordStdin) throw new Refused("give the password on standard input with --password-stdin (it must not appear in the command line)");
        var password = Cli.Input.ReadLine();
        if (string.IsNullOrEmpty(password)) throw new Refused("no password on standard input");
        return password;
    }

    static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new Refused(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
