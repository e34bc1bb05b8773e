using FrameworkCompare.Web.Registries;

namespace FrameworkCompare.Tests.Checks;

public sealed class VersionOrderTests
{
    [Theory]
    [InlineData("1.10", "1.9")]
    [InlineData("1.0.post1", "1.0")]
    [InlineData("1.0-1", "1.0.0")]
    [InlineData("1!0.1", "9.9")]
    [InlineData("2.0.1", "2.0.post3")]
    public void Pep440OrdersStableVersions(string newer, string older) =>
        Assert.True(VersionOrder.Compare(VersionOrder.Pep440Stable(newer)!, VersionOrder.Pep440Stable(older)!) > 0);

    [Theory]
    [InlineData("2.0a1")]
    [InlineData("2.0rc1")]
    [InlineData("2.0.dev3")]
    [InlineData("2.0+local")]
    public void Pep440PreReleasesAreNotStable(string version) => Assert.Null(VersionOrder.Pep440Stable(version));

    [Fact]
    public void OneZeroAndOneZeroZeroAreTheSameRelease() =>
        Assert.Equal(0, VersionOrder.Compare(VersionOrder.Pep440Stable("1.0")!, VersionOrder.Pep440Stable("1.0.0")!));
}
