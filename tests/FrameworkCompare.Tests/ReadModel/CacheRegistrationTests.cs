using System.Collections;
using System.Linq;
using System.Reflection;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.ReadModel;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.ReadModel;

/// <summary>Whatever keeps state across requests either registers with the change listener or says why it holds no read-model data.</summary>
public sealed class CacheRegistrationTests
{
    // Singletons that keep state but hold nothing derived from the read model, each with the reason.
    static readonly Dictionary<string, string> KeepsNoReadModelData = new()
    {
        ["CurrentSnapshot"] = "it is the snapshot the listener swaps",
        ["ChangeListener"] = "it is the listener",
        ["ContentImporter"] = "a lock for one import at a time",
        ["ContentWriter"] = "the one writer's lock",
        ["FactHistoryBuilder"] = "a lock; it writes version rows itself",
        ["ReadModelStartup"] = "start-up's completion",
        ["GitProcess"] = "no data",
        ["OutboundPolicy"] = "the allowed hosts, from settings",
        ["ParseCounter"] = "a count of files parsed, for tests and the benchmark",
        ["ContentReadCounter"] = "a count of file records read and files opened, for tests",
        ["SearchIndexer"] = "the listener hands it every snapshot it loads; the last index it built is only the basis of the next",
        ["SearchVocabulary"] = "the shipped synonyms and aliases, from a file in the app",
    };

    sealed class Capturing : SiteFactory
    {
        public List<ServiceDescriptor> Registrations { get; } = [];
        protected override void AddTestServices(IServiceCollection services) => Registrations.AddRange(services);
    }

    [Fact]
    public void EveryStatefulSingletonOfTheSiteRegistersWithTheChangeListener()
    {
        using var site = new Capturing();
        _ = site.Server;
        // What the change listener will call: every ISnapshotSubscriber the container gives.
        var registeredSubscribers = site.Services.GetServices<ISnapshotSubscriber>().Select(s => s.GetType()).ToHashSet();
        var stateful = site.Registrations
            .Where(d => d.Lifetime == ServiceLifetime.Singleton)
            // A singleton made by a factory is looked at as the instance it makes.
            .Select(d => d.ImplementationType ?? (d.ImplementationFactory is not null && !d.ServiceType.ContainsGenericParameters ? site.Services.GetService(d.ServiceType)?.GetType() : null))
            .Where(t => t is not null && t.Assembly == typeof(ISnapshotSubscriber).Assembly && KeepsState(t))
            .Distinct()
            .ToList();
        Assert.NotEmpty(registeredSubscribers);
        var unregistered = stateful.Where(t => !KeepsNoReadModelData.ContainsKey(t!.Name) && !registeredSubscribers.Contains(t)).Select(t => t!.Name).ToList();
        Assert.True(unregistered.Count == 0,
            $"{string.Join(", ", unregistered)} keep state across requests: make each an ISnapshotSubscriber registered with AddSnapshotSubscriber, or list why it holds no read-model data");
    }

    /// <summary>Mutable fields, collections or cached tasks: what a cache is made of. Captured constructor parameters are services, not state.</summary>
    static bool KeepsState(Type type) =>
        type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(f => !(f.Name.StartsWith('<') && f.Name.EndsWith(">P", StringComparison.Ordinal)))
            .Any(f => !f.IsInitOnly || typeof(IEnumerable).IsAssignableFrom(f.FieldType) && f.FieldType != typeof(string)
                || f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(Task<>)
                || f.FieldType == typeof(SemaphoreSlim) || f.FieldType == typeof(System.Threading.Lock));
}
