using System.Collections.Concurrent;
using System.Diagnostics;

namespace Gateway.FunctionalTests.Operability;

/// <summary>
/// The in-memory exporter writes into an <see cref="ICollection{T}"/>; spans finish on many threads,
/// so this one is a thread-safe queue underneath.
/// </summary>
internal sealed class SpanList(ConcurrentQueue<Activity> spans) : ICollection<Activity>
{
    public int Count => spans.Count;

    public bool IsReadOnly => false;

    public void Add(Activity item) => spans.Enqueue(item);

    public void Clear() => spans.Clear();

    public bool Contains(Activity item) => spans.Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex) => spans.ToArray().CopyTo(array, arrayIndex);

    public bool Remove(Activity item) => throw new NotSupportedException();

    public IEnumerator<Activity> GetEnumerator() => spans.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
