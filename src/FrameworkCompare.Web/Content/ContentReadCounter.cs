namespace FrameworkCompare.Web.Content;

/// <summary>
/// The file records imports and publish checks read from the database, and the content files their scans opened, counted
/// as they happen: how a test proves that a publish of one file among thousands touched that file alone.
/// </summary>
public sealed class ContentReadCounter
{
    int records, files;

    public int Records => Volatile.Read(ref records);
    public int Files => Volatile.Read(ref files);

    public void Read(int recordsRead, int filesOpened)
    {
        Interlocked.Add(ref records, recordsRead);
        Interlocked.Add(ref files, filesOpened);
    }
}
