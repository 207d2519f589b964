using Dyad.Coding;
using Dyad.Store;

namespace Dyad.Store.Tests;

public class StoredEventTests
{
    [Fact]
    public void Records_with_the_same_coding_and_counts_are_equal()
    {
        var coding = new CodedEvent { EventId = "e1", DocId = "d1", Code = "111", Source = "CHN", Target = "USA" };
        var a = new StoredEvent(1, coding, 2, 2, 2, new DateOnly(2020, 2, 2), new DateOnly(2020, 2, 3), null);
        var b = a with { };
        b.ShouldBe(a);
        (a with { NumMentions = 3 }).ShouldNotBe(a);
    }
}
