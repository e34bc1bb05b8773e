using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Content;

namespace FrameworkCompare.Tests.Security;

/// <summary>The one file opener: only regular files with one link, inside the content folder, are read.</summary>
public sealed class ContentFilesTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("fc-files-").FullName;
    readonly string outside = Directory.CreateTempSubdirectory("fc-outside-").FullName;

    public ContentFilesTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "articles"));
        File.WriteAllText(Path.Combine(root, "articles/plain.md"), "plain");
        File.WriteAllText(Path.Combine(outside, "secret.md"), "outside secret");
    }

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        Directory.Delete(outside, recursive: true);
    }

    [Fact]
    public void ARegularFileIsRead() =>
        Assert.Equal("plain"u8.ToArray(), ContentFiles.ReadAllBytes(root, "articles/plain.md"));

    [Fact]
    public void AMissingFileOrFolderIsNull()
    {
        Assert.Null(ContentFiles.ReadAllBytes(root, "articles/missing.md"));
        Assert.Null(ContentFiles.ReadAllBytes(root, "missing/plain.md"));
        Assert.Null(ContentFiles.ReadAllBytes(root, "articles/plain.md/below.md"));
    }

    [Theory]
    [InlineData("/etc/hostname")]
    [InlineData("secret")]
    [InlineData("/nonexistent/dangling")]
    public void ALinkToAFileIsRefused(string target)
    {
        File.CreateSymbolicLink(Path.Combine(root, "articles/link.md"), target == "secret" ? Path.Combine(outside, "secret.md") : target);

        var refused = Assert.Throws<ContentFileRefusedException>(() => ContentFiles.ReadAllBytes(root, "articles/link.md"));
        Assert.Equal(ContentFiles.Link, refused.Problem);
    }

    [Fact]
    public void AFileInALinkedFolderIsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(root, "faq"), outside);

        var refused = Assert.Throws<ContentFileRefusedException>(() => ContentFiles.ReadAllBytes(root, "faq/secret.md"));
        Assert.Equal(ContentFiles.LinkedFolder, refused.Problem);
        Assert.Throws<ContentFileRefusedException>(() => ContentFiles.WriteAtomically(root, "faq/new.md", "x"u8.ToArray()));
        Assert.False(File.Exists(Path.Combine(outside, "new.md")));
    }

    [Fact]
    public void AHardLinkIsRefusedWithItsLinkCount()
    {
        SpecialFiles.HardLink(Path.Combine(outside, "secret.md"), Path.Combine(root, "articles/hard.md"));

        var refused = Assert.Throws<ContentFileRefusedException>(() => ContentFiles.ReadAllBytes(root, "articles/hard.md"));
        Assert.Equal(ContentFiles.HardLinked(2), refused.Problem);
    }

    [Fact]
    public void AFifoIsRefusedWithoutWaitingForAWriter()
    {
        SpecialFiles.MakeFifo(Path.Combine(root, "articles/fifo.md"));

        var read = Task.Run(() => ContentFiles.Refusal(root, "articles/fifo.md"));
        Assert.Equal(ContentFiles.Special, SpecialFiles.AwaitUnblocked(read, Path.Combine(root, "articles/fifo.md")));
    }

    [Fact]
    public void AFolderIsNoFile() =>
        Assert.Equal(ContentFiles.Special, ContentFiles.Refusal(root, "articles"));

    [Fact]
    public void WritingReplacesALinkAndNeverWritesThroughIt()
    {
        var target = Path.Combine(outside, "secret.md");
        File.CreateSymbolicLink(Path.Combine(root, "articles/link.md"), target);

        ContentFiles.WriteAtomically(root, "articles/link.md", "new text"u8.ToArray());

        Assert.Equal("outside secret", File.ReadAllText(target));
        Assert.Null(new FileInfo(Path.Combine(root, "articles/link.md")).LinkTarget);
        Assert.Equal("new text"u8.ToArray(), ContentFiles.ReadAllBytes(root, "articles/link.md"));
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "articles"), ".*"));
    }

    [Fact]
    public void DeletingALinkRemovesTheLinkNotItsTarget()
    {
        var target = Path.Combine(outside, "secret.md");
        File.CreateSymbolicLink(Path.Combine(root, "articles/link.md"), target);

        ContentFiles.Delete(root, "articles/link.md");
        ContentFiles.Delete(root, "articles/missing.md");

        Assert.True(File.Exists(target));
        Assert.False(Path.Exists(Path.Combine(root, "articles/link.md")));
    }

    [Fact]
    public void WritingCreatesMissingFolders()
    {
        ContentFiles.WriteAtomically(root, "media/sub/x.png", [1, 2, 3]);
        Assert.Equal([1, 2, 3], ContentFiles.ReadAllBytes(root, "media/sub/x.png"));
    }

    [Fact]
    public void TheWalkListsLinksWithoutFollowingThem()
    {
        Directory.CreateSymbolicLink(Path.Combine(root, "faq"), outside);
        File.CreateSymbolicLink(Path.Combine(root, "articles/link.md"), "/etc/hostname");
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        File.WriteAllText(Path.Combine(root, ".git/config"), "");

        var entries = ContentFiles.Walk(root);

        Assert.Equal([new("articles/link.md", true), new("articles/plain.md", false), new("faq", true)], entries);
    }

    [Fact]
    public void ALinkedContentRootIsResolvedToItsRealPath()
    {
        var link = Path.Combine(outside, "content-link");
        Directory.CreateSymbolicLink(link, root);

        Assert.Equal(root, ContentFiles.RealPath(link));
        Assert.Equal(root, ContentFiles.RealPath(root));
    }

    [Theory]
    [InlineData("../secret.md")]
    [InlineData("articles/../../secret.md")]
    [InlineData("/etc/hostname")]
    [InlineData("articles//plain.md")]
    [InlineData("articles/./plain.md")]
    public void APathLeavingTheFolderIsNoPath(string path) =>
        Assert.Throws<ArgumentException>(() => ContentFiles.ReadAllBytes(root, path));
}
