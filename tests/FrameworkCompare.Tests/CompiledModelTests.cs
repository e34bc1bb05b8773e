using System.Text.RegularExpressions;
using FrameworkCompare.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests;

/// <summary>
/// The site runs on the compiled model in Data/CompiledModel (EF Core finds it by its assembly attribute), which spares
/// every start building the model; it must be what OnModelCreating builds, or queries would run on a stale model.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void TheCompiledModelIsGeneratedFromTheModelAsItIs()
    {
        using var db = new SiteDb(new DbContextOptionsBuilder<SiteDb>().UseSqlite("Data Source=:memory:").Options);
#pragma warning disable EF1001 // the design-time services dotnet ef itself uses
        var services = new DesignTimeServicesBuilder(typeof(SiteDb).Assembly, typeof(SiteDb).Assembly, new OperationReporter(null), []).Build(db);
#pragma warning restore EF1001
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = typeof(SiteDb), ModelNamespace = "FrameworkCompare.Web.Data.CompiledModel", Language = "C#", UseNullableReferenceTypes = true,
        };
        var generator = services.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options);
        var generated = generator.GenerateModel(db.GetService<IDesignTimeModel>().Model, options);

        var folder = Path.Combine(ShippedContentTests.RepositoryContent, "..", "src", "FrameworkCompare.Web", "Data", "CompiledModel");
        // Fails after a model change until this is run in the repository's root:
        // dotnet ef dbcontext optimize -p src/FrameworkCompare.Web -o Data/CompiledModel -n FrameworkCompare.Web.Data.CompiledModel
        Assert.Equal(generated.Select(f => f.Path).Order(), Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order());
        foreach (var file in generated)
            Assert.True(WithoutModelId(file.Code) == WithoutModelId(File.ReadAllText(Path.Combine(folder, file.Path))),
                $"{file.Path} differs from the model: run dotnet ef dbcontext optimize again");
    }

    /// <summary>Each generation draws a new model id; nothing else in the files may differ.</summary>
    static string WithoutModelId(string code) => Regex.Replace(code, @"modelId: new Guid\(""[0-9a-f-]+""\)", "modelId");
}
