using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FrameworkCompare.Web.Data;

/// <summary>Lets `dotnet ef` build the model without starting the site.</summary>
public sealed class DesignTimeSiteDb : IDesignTimeDbContextFactory<SiteDb>
{
    public SiteDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SiteDb>().UseSqlite("Data Source=design-time.db").Options);
}
