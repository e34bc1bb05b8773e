using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Commands;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Tests.Accounts;

/// <summary>The users verb as an admin uses it: arguments, a password on standard input, one line back and an exit code.</summary>
public sealed class UsersCommandTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("fc-users-").FullName;
    string Database => Path.Combine(folder, "site.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    async Task<(int Exit, string Output)> UsersAsync(string? stdin, params string[] args)
    {
        var output = new StringWriter();
        var exit = await Cli.RunAsync(["users", .. args, $"--ConnectionStrings:Site=Data Source={Database}"], output, new StringReader(stdin ?? ""));
        return (exit, output.ToString().TrimEnd());
    }

    T Query<T>(Func<SiteDb, T> query)
    {
        using var db = new SiteDb(new DbContextOptionsBuilder<SiteDb>().UseSqlite($"Data Source={Database}").Options);
        return query(db);
    }

    EditorUser? Account(string email) => Query(db => db.Users.AsNoTracking().SingleOrDefault(u => u.NormalizedEmail == email.ToUpperInvariant()));

    [Fact]
    public async Task AddCreatesTheAccountWithItsRoleAndAuditsIt()
    {
        var (exit, output) = await UsersAsync(Infrastructure.TestAccounts.Password + "\n", "add", "ada@example.org", "--role", "admin", "--password-stdin");

        Assert.Equal((0, "Added ada@example.org (admin)."), (exit, output));
        var user = Account("ada@example.org")!;
        Assert.True(new PasswordHasher<EditorUser>().VerifyHashedPassword(user, user.PasswordHash!, Infrastructure.TestAccounts.Password) != PasswordVerificationResult.Failed);
        Assert.Equal(["admin"], Query(db => db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList()));
        var audit = Query(db => db.AuditLog.Single());
        Assert.Equal(("users add", AuditLog.CommandLine, "ada@example.org"), (audit.Action, audit.Actor, audit.Target));
    }

    [Theory]
    [InlineData("short pw\n", "Passwords must be at least 12 characters.")]
    [InlineData("1qaz2wsx3edc\n", "This password is on a list of commonly used passwords; choose another.")]
    [InlineData("i am ada lovelace\n", "The password must not contain the name part of the email address.")]
    [InlineData("", "no password on standard input")]
    public async Task AWeakOrMissingPasswordIsRefused(string stdin, string message)
    {
        var (exit, output) = await UsersAsync(stdin, "add", "ada@example.org", "--role", "editor", "--password-stdin");
        Assert.Equal(1, exit);
        Assert.Equal($"users add: {message}", output);
        Assert.Null(Account("ada@example.org"));
    }

    [Fact]
    public async Task ABadRoleAndADuplicateAreRefused()
    {
        Assert.Equal((1, "users add: --role must be one of: admin, editor, contributor"), await UsersAsync(Infrastructure.TestAccounts.Password, "add", "ada@example.org", "--role", "owner", "--password-stdin"));
        Assert.Equal(0, (await UsersAsync(Infrastructure.TestAccounts.Password, "add", "ada@example.org", "--role", "editor", "--password-stdin")).Exit);
        Assert.Equal((1, "users add: an account for ada@example.org already exists"), await UsersAsync(Infrastructure.TestAccounts.Password, "add", "ada@example.org", "--role", "editor", "--password-stdin"));
    }

    [Fact]
    public async Task ListShowsEmailRolesTwoFactorAndLockout()
    {
        await UsersAsync(Infrastructure.TestAccounts.Password, "add", "ada@example.org", "--role", "admin", "--password-stdin");
        await UsersAsync(Infrastructure.TestAccounts.Password, "add", "bob@example.org", "--role", "editor", "--password-stdin");
        var until = DateTimeOffset.UtcNow.AddMinutes(10);
        Query(db => db.Users.Where(u => u.Email == "bob@example.org").ExecuteUpdate(u => u.SetProperty(x => x.LockoutEnd, until).SetProperty(x => x.TwoFactorEnabled, true)));

        var (exit, output) = await UsersAsync(null, "list");

        Assert.Equal(0, exit);
        Assert.Equal(["ada@example.org\tadmin\t2FA off\tnot locked", $"bob@example.org\teditor\t2FA on\tlocked until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC"], output.Split('\n'));
    }

    [Fact]
    public async Task UnlockResetTwoFactorAndResetPasswordChangeTheAccount()
    {
        await UsersAsync(Infrastructure.TestAccounts.Password, "add", "bob@example.org", "--role", "editor", "--password-stdin");
        Query(db => db.Users.ExecuteUpdate(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(10)).SetProperty(x => x.AccessFailedCount, 4).SetProperty(x => x.TwoFactorEnabled, true)));
        var stampBefore = Account("bob@example.org")!.SecurityStamp;

        Assert.Equal((0, "Unlocked bob@example.org."), await UsersAsync(null, "unlock", "bob@example.org"));
        Assert.Equal((0, "Turned two-factor sign-in off for bob@example.org; its sessions have ended, and they can enrol again after signing in."), await UsersAsync(null, "reset-2fa", "bob@example.org"));
        Assert.Equal(0, (await UsersAsync("a brand new passphrase here\n", "reset-password", "bob@example.org", "--password-stdin")).Exit);

        var user = Account("bob@example.org")!;
        Assert.Null(user.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount);
        Assert.False(user.TwoFactorEnabled);
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<EditorUser>().VerifyHashedPassword(user, user.PasswordHash!, "a brand new passphrase here"));
        Assert.Equal(["users add", "users unlock", "users reset-2fa", "users reset-password"], Query(db => db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToList()));
    }

    [Fact]
    public async Task ResetPasswordRefusesAWeakOne()
    {
        await UsersAsync(Infrastructure.TestAccounts.Password, "add", "bob@example.org", "--role", "editor", "--password-stdin");
        Assert.Equal((1, "users reset-password: Passwords must be at least 12 characters."), await UsersAsync("too short\n", "reset-password", "bob@example.org", "--password-stdin"));
    }

    [Theory]
    [InlineData("remove")]
    [InlineData("unlock")]
    [InlineData("reset-2fa")]
    public async Task AnUnknownAccountIsNamed(string verb) =>
        Assert.Equal((1, $"users {verb}: no account for nobody@example.org"), await UsersAsync(null, verb, "nobody@example.org"));

    [Fact]
    public async Task SetRoleChangesTheRoleAuditsItAndKeepsOneAdmin()
    {
        await UsersAsync(Infrastructure.TestAccounts.Password, "add", "ada@example.org", "--role", "admin", "--password-stdin");
        await UsersAsync(Infrastructure.TestAccounts.Password, "add", "bob@example.org", "--role", "editor", "--password-stdin");

        Assert.Equal((1, "users set-role: ada@example.org is the last admin; make another account admin first"), await UsersAsync(null, "set-role", "ada@example.org", "--role", "editor"));
        Assert.Equal((0, "bob@example.org is now admin (was editor)."), await UsersAsync(null, "set-role", "bob@example.org", "--role", "admin"));
        Assert.Equal((0, "ada@example.org is now editor (was admin)."), await UsersAsync(null, "set-role", "ada@example.org", "--role", "editor"));
        Assert.Equal((1, "users set-role: --role must be one of: admin, editor, contributor"), await UsersAsync(null, "set-role", "ada@example.org", "--role", "root"));
        Assert.Contains(Query(db => db.AuditLog.Select(a => a.Action + " " + a.Target).ToList()), a => a == "users set-role bob@example.org");
    }

    [Fact]
    public async Task TheLastAdminCannotBeRemovedButAnotherCan()
    {
        await UsersAsync(Infrastructure.TestAccounts.Password, "add", "ada@example.org", "--role", "admin", "--password-stdin");
        await UsersAsync(Infrastructure.TestAccounts.Password, "add", "bob@example.org", "--role", "editor", "--password-stdin");

        Assert.Equal((1, "users remove: ada@example.org is the last admin; add another admin first, or nobody could manage accounts"), await UsersAsync(null, "remove", "ada@example.org"));
        Assert.Equal((0, "Removed bob@example.org."), await UsersAsync(null, "remove", "bob@example.org"));
        Assert.Null(Account("bob@example.org"));
        Assert.NotNull(Account("ada@example.org"));
    }

    [Fact]
    public async Task TheSiteProcessReadsThePasswordFromStandardInput()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(Program).Assembly.Location, "users", "add", "ada@example.org", "--role", "admin", "--password-stdin", $"--ConnectionStrings:Site=Data Source={Database}" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.StandardInput.WriteLineAsync("a passphrase typed on stdin");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("Added ada@example.org (admin).", output.Trim());
        var user = Account("ada@example.org")!;
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<EditorUser>().VerifyHashedPassword(user, user.PasswordHash!, "a passphrase typed on stdin"));
    }
}
